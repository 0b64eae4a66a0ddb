import { PNG } from 'pngjs';
import { encode } from 'uqr';

/** The light margin around a QR code, in modules: the 4 the standard (ISO/IEC 18004) asks for. */
const quietZone = 4;

/**
 * A PNG of the QR code of a text (error correction level M, black on white, with its quiet zone),
 * for the ReadID Ready link a desktop user scans with their phone. Synchronous, because the
 * create-process response is built synchronously (sharp only encodes asynchronously).
 */
export function qrCodePng(text: string, moduleSize = 8): Buffer {
  const { data: dark, size } = encode(text, { ecc: 'M', border: quietZone });
  const side = size * moduleSize;
  const png = new PNG({ width: side, height: side, colorType: 0 });
  for (let y = 0; y < side; y++) {
    const row = dark[Math.floor(y / moduleSize)]!;
    for (let x = 0; x < side; x++) {
      const value = row[Math.floor(x / moduleSize)] ? 0 : 255;
      const at = (y * side + x) * 4;
      png.data[at] = png.data[at + 1] = png.data[at + 2] = value;
      png.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(png, { colorType: 0 });
}
