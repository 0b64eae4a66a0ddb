import sharp from 'sharp';
import { pixelBox, type Box } from '../../src/redaction/boxes.js';

export interface Pixels {
  data: Buffer;
  width: number;
  height: number;
  channels: number;
}

/** Decoded RGBA pixels (after EXIF orientation), to compare images pixel by pixel. */
export async function decode(image: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(image).rotate().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

const inside = (x: number, y: number, box: Box) =>
  x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height;

/** Pixels that differ between two images of one size, outside every one of `boxes`. */
export function changedOutside(before: Pixels, after: Pixels, boxes: readonly Box[]): number {
  let changed = 0;
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      if (boxes.some((box) => inside(x, y, box))) continue;
      const at = (y * before.width + x) * before.channels;
      if (!before.data.subarray(at, at + before.channels).equals(after.data.subarray(at, at + after.channels)))
        changed++;
    }
  }
  return changed;
}

/** The share (0..1) of the pixels of `box` that are opaque black. */
export function blackShare(image: Pixels, box: Box): number {
  const area = pixelBox(box, image);
  if (!area) return 0;
  let black = 0;
  for (let y = area.y; y < area.y + area.height; y++) {
    for (let x = area.x; x < area.x + area.width; x++) {
      const at = (y * image.width + x) * image.channels;
      if (image.data[at] === 0 && image.data[at + 1] === 0 && image.data[at + 2] === 0 && image.data[at + 3] === 255)
        black++;
    }
  }
  return black / (area.width * area.height);
}

/** The box grown by `margin` pixels on every side. */
export const grown = (box: Box, margin: number): Box => ({
  x: box.x - margin,
  y: box.y - margin,
  width: box.width + 2 * margin,
  height: box.height + 2 * margin,
});

/** Pixels changed between two images of one size to anything but opaque black. */
export function changedNotBlack(before: Pixels, after: Pixels): number {
  let count = 0;
  for (let at = 0; at < before.data.length; at += before.channels) {
    const same = before.data.subarray(at, at + before.channels).equals(after.data.subarray(at, at + after.channels));
    const black =
      after.data[at] === 0 && after.data[at + 1] === 0 && after.data[at + 2] === 0 && after.data[at + 3] === 255;
    if (!same && !black) count++;
  }
  return count;
}

/** Opaque black pixels in the whole image. */
export const blackCount = (image: Pixels): number =>
  Math.round(blackShare(image, { x: 0, y: 0, width: image.width, height: image.height }) * image.width * image.height);
