import type { PreparedPhoto } from './prepare.js';
import type { FaceBox } from './types.js';

/** Clockwise quarter turns: 1 = 90 degrees clockwise, 2 = upside down, 3 = 90 degrees counter-clockwise. */
export type QuarterTurns = 1 | 2 | 3;

/**
 * The prepared pixels turned clockwise by `turns` quarter turns. The result describes a "turned original" (its
 * original sides swapped for odd turns); the padding is the same on every side, so it stays valid. Boxes found on
 * it map back to the real original with `unturnBox`.
 */
export function turnPrepared(photo: PreparedPhoto, turns: QuarterTurns): PreparedPhoto {
  const { width, height, data } = photo;
  const odd = turns % 2 === 1;
  const outWidth = odd ? height : width;
  const outHeight = odd ? width : height;
  const out = Buffer.alloc(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [tx, ty] =
        turns === 1 ? [height - 1 - y, x] : turns === 2 ? [width - 1 - x, height - 1 - y] : [y, width - 1 - x];
      const from = 3 * (y * width + x);
      const to = 3 * (ty * outWidth + tx);
      out[to] = data[from]!;
      out[to + 1] = data[from + 1]!;
      out[to + 2] = data[from + 2]!;
    }
  }
  return {
    ...photo,
    data: out,
    width: outWidth,
    height: outHeight,
    originalWidth: odd ? photo.originalHeight : photo.originalWidth,
    originalHeight: odd ? photo.originalWidth : photo.originalHeight,
  };
}

/** A box found on the turned original (`turnPrepared`), in the pixels of the original (width x height). */
export function unturnBox(box: FaceBox, turns: QuarterTurns, width: number, height: number): FaceBox {
  const { x, y, width: w, height: h } = box;
  if (turns === 1) return { x: y, y: height - x - w, width: h, height: w };
  if (turns === 2) return { x: width - x - w, y: height - y - h, width: w, height: h };
  return { x: width - y - h, y: x, width: h, height: w };
}
