import { crc32, deflateSync } from 'node:zlib';

/**
 * A black-and-white PNG (1-bit greyscale) written directly, because the create-process response is
 * built synchronously and sharp only encodes asynchronously.
 */
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of a grid of cells (true for black), each drawn as a square of `scale` pixels. */
export function blackAndWhitePng(cells: readonly (readonly boolean[])[], scale: number): Buffer {
  const width = (cells[0]?.length ?? 0) * scale;
  const height = cells.length * scale;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(1, 8); // bit depth: one bit per pixel, 1 is white
  // Bytes 9-12: greyscale, deflate compression, adaptive filtering, no interlace (all 0).
  const rowLength = 1 + Math.ceil(width / 8); // a filter-type byte (0: none), then the pixels
  const image = Buffer.alloc(rowLength * height);
  cells.forEach((cellRow, cellY) => {
    const row = Buffer.alloc(rowLength, 0xff);
    row[0] = 0;
    for (let x = 0; x < width; x++) {
      if (cellRow[Math.floor(x / scale)]) row[1 + (x >>> 3)]! &= ~(0x80 >>> (x & 7));
    }
    for (let i = 0; i < scale; i++) row.copy(image, (cellY * scale + i) * rowLength);
  });
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(image)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
