import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

export interface FakeCameraSize {
  width: number;
  height: number;
}

/**
 * Writes a one-frame Y4M video of `image` for Chromium's fake camera (it loops at the end of the file).
 * Chromium's reader is strict: 4:2:0 chroma only, a short header, `FRAME\n` delimiters, even dimensions and an
 * integer frame rate, or the capture process aborts with "Could not start video source".
 */
export async function writeY4m(image: Buffer, file: string, size: FakeCameraSize = { width: 1280, height: 720 }) {
  if (!path.isAbsolute(file)) throw new Error('Chromium needs an absolute path for the fake camera file.');
  if (size.width % 2 || size.height % 2) throw new Error('Y4M 4:2:0 frames need even dimensions.');
  const { width, height } = size;
  const rgb = await sharp(image)
    .rotate()
    .resize(width, height, { fit: 'contain', background: { r: 0, g: 0, b: 0 } })
    .removeAlpha()
    .raw()
    .toBuffer();
  const frame = rgbToI420(rgb, width, height);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`, 'ascii');
  await writeFile(file, Buffer.concat([header, Buffer.from('FRAME\n', 'ascii'), frame]));
}

/** BT.601 studio-range YUV, chroma averaged over each 2×2 block (I420: Y plane, then U, then V). */
export function rgbToI420(rgb: Buffer, width: number, height: number): Buffer {
  const lumaSize = width * height;
  const chromaWidth = width / 2;
  const out = Buffer.alloc(lumaSize * 1.5);
  const at = (x: number, y: number) => (y * width + x) * 3;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = at(x, y);
      const r = rgb[i] ?? 0;
      const g = rgb[i + 1] ?? 0;
      const b = rgb[i + 2] ?? 0;
      out[y * width + x] = Math.round(16 + 0.257 * r + 0.504 * g + 0.098 * b);
    }
  }
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      let u = 0;
      let v = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ] as const) {
        const i = at(x + dx, y + dy);
        const r = rgb[i] ?? 0;
        const g = rgb[i + 1] ?? 0;
        const b = rgb[i + 2] ?? 0;
        u += 128 - 0.148 * r - 0.291 * g + 0.439 * b;
        v += 128 + 0.439 * r - 0.368 * g - 0.071 * b;
      }
      const c = (y / 2) * chromaWidth + x / 2;
      out[lumaSize + c] = Math.round(u / 4);
      out[lumaSize + lumaSize / 4 + c] = Math.round(v / 4);
    }
  }
  return out;
}
