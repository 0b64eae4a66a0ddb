import { describe, expect, it } from 'vitest';
import type { PreparedPhoto } from './prepare.js';
import { turnPrepared, unturnBox, type QuarterTurns } from './rotate.js';

/** A 7 x 4 image (padding 1, scale 2: original 10 x 4) with one red 2 x 1 block at prepared (2..3, 1). */
function photoWithBlock(): PreparedPhoto {
  const width = 7;
  const height = 4;
  const data = Buffer.alloc(width * height * 3);
  for (const x of [2, 3]) data[3 * (1 * width + x)] = 255;
  return { data, width, height, scale: 2, padX: 1, padY: 1, originalWidth: 10, originalHeight: 4 };
}

/** The box of the red pixels of a prepared photo, in its (turned) original's pixels. */
function redBox(photo: PreparedPhoto) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < photo.height; y++) {
    for (let x = 0; x < photo.width; x++) {
      if (photo.data[3 * (y * photo.width + x)] === 255) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  const left = (Math.min(...xs) - photo.padX) * photo.scale;
  const top = (Math.min(...ys) - photo.padY) * photo.scale;
  return {
    x: left,
    y: top,
    width: (Math.max(...xs) + 1 - photo.padX) * photo.scale - left,
    height: (Math.max(...ys) + 1 - photo.padY) * photo.scale - top,
  };
}

describe('quarter turns for rolled faces', () => {
  const photo = photoWithBlock();
  const original = redBox(photo);

  it.each([1, 2, 3] as QuarterTurns[])(
    'a box found after %i quarter turn(s) maps back onto the same pixels',
    (turns) => {
      const turned = turnPrepared(photo, turns);
      expect([turned.width, turned.height]).toEqual(turns === 2 ? [7, 4] : [4, 7]);
      expect([turned.originalWidth, turned.originalHeight]).toEqual(turns === 2 ? [10, 4] : [4, 10]);
      expect(unturnBox(redBox(turned), turns, photo.originalWidth, photo.originalHeight)).toEqual(original);
    },
  );

  it('turns clockwise: a block in the top row ends up in the right-hand column', () => {
    const turned = turnPrepared(photo, 1);
    const box = redBox(turned);
    // Row 1 of 4 (from the top) becomes column 2 of 4 (from the left) after a clockwise quarter turn.
    expect(box.x).toBe((4 - 1 - 1 - turned.padX) * turned.scale);
    expect(box.height).toBe(original.width);
  });
});
