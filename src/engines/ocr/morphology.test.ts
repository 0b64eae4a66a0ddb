import { describe, expect, it } from 'vitest';
import type { Field } from './grey.js';
import { blackHat, closing, dilate, erode } from './morphology.js';

/** The definition, pixel by pixel: the extreme value over the window, clipped at the edges. */
function naive(input: Field, rx: number, ry: number, max: boolean): Float32Array {
  const { width, height, data } = input;
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let best = max ? -Infinity : Infinity;
      for (let v = Math.max(0, y - ry); v <= Math.min(height - 1, y + ry); v++) {
        for (let u = Math.max(0, x - rx); u <= Math.min(width - 1, x + rx); u++) {
          const value = data[v * width + u]!;
          best = max ? Math.max(best, value) : Math.min(best, value);
        }
      }
      out[y * width + x] = best;
    }
  }
  return out;
}

function randomField(width: number, height: number, seed: number): Field {
  let state = seed;
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    data[i] = state % 256;
  }
  return { width, height, data };
}

describe('grey morphology', () => {
  // Sizes around the window's: smaller than it, a multiple of it, one more, and wide and flat.
  const shapes: Array<[number, number, number, number]> = [
    [5, 4, 3, 2],
    [7, 7, 3, 3],
    [15, 9, 3, 1],
    [16, 10, 3, 1],
    [40, 6, 8, 8],
    [33, 21, 0, 2],
  ];

  it.each(shapes)(
    'dilate and erode a %ix%i image with radii %i, %i as the definition says',
    (width, height, rx, ry) => {
      const field = randomField(width, height, width * 31 + height);
      expect(dilate(field, rx, ry).data).toEqual(naive(field, rx, ry, true));
      expect(erode(field, rx, ry).data).toEqual(naive(field, rx, ry, false));
    },
  );

  it('fills a dark stroke narrower than the rectangle and leaves a wide dark area', () => {
    const width = 40;
    const height = 20;
    const data = new Float32Array(width * height).fill(200);
    for (let y = 0; y < height; y++) {
      data[y * width + 5] = 20; // a one-pixel stroke
      for (let x = 25; x < 40; x++) data[y * width + x] = 20; // a dark area wider than the window
    }
    const field = { width, height, data };
    const closed = closing(field, 2, 2);
    expect(closed.data[10 * width + 5]).toBe(200);
    expect(closed.data[10 * width + 32]).toBe(20);
    const hat = blackHat(field, 2, 2);
    expect(hat.data[10 * width + 5]).toBe(180);
    expect(hat.data[10 * width + 32]).toBe(0);
    expect(hat.data[10 * width + 15]).toBe(0);
  });
});
