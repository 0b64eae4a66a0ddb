import sharp from 'sharp';
import { deflateSync } from 'node:zlib';

/**
 * Real test images made with sharp: a coloured gradient-ish picture, not a flat fill. The default size
 * is above the upload minimums of every depiction (200 px for documents, 100 px for faces).
 */
export async function makeImage(format: 'jpeg' | 'png', width = 320, height = 240): Promise<Buffer> {
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      pixels[i] = (x * 255) / width;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = ((x + y) * 97) % 256;
    }
  }
  const image = sharp(pixels, { raw: { width, height, channels } });
  return format === 'jpeg' ? image.jpeg({ quality: 90 }).toBuffer() : image.png().toBuffer();
}

export const dataUrl = (bytes: Buffer, type: string) => `data:${type};base64,${bytes.toString('base64')}`;

export async function jpegDataUrl(width?: number, height?: number): Promise<string> {
  return dataUrl(await makeImage('jpeg', width, height), 'image/jpeg');
}

export async function pngDataUrl(width?: number, height?: number): Promise<string> {
  return dataUrl(await makeImage('png', width, height), 'image/png');
}

/**
 * A PNG whose header claims `width` x `height` but whose data is a few bytes: what a decompression
 * bomb looks like to a server that reads headers first.
 */
export function pngWithHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
