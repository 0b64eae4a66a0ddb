import { describe, expect, it } from 'vitest';
import {
  CHIP_PADDING,
  CHIP_SIZE,
  chipTransform,
  extractChip,
  fitSimilarity,
  MESH_TEMPLATE_POINTS,
  templateInChip,
  type Point,
  type RgbImage,
  type SimilarityTransform,
} from './align.js';

const apply = (t: SimilarityTransform, [x, y]: Point): Point => [t.a * x - t.b * y + t.tx, t.b * x + t.a * y + t.ty];

/** An image whose red channel is x, green is y, blue is constant: a sample tells where it was taken. */
function coordinateImage(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([x, y, 77], (y * width + x) * 3);
    }
  }
  return { data, width, height };
}

describe('face alignment', () => {
  it('recovers a rotation, scale and translation exactly from matching points', () => {
    const angle = 0.3;
    const scale = 2.5;
    const truth = { a: scale * Math.cos(angle), b: scale * Math.sin(angle), tx: 40, ty: -12 };
    const from: Point[] = [
      [0, 0],
      [10, 0],
      [3, 7],
      [-4, 9],
    ];
    const fitted = fitSimilarity(
      from,
      from.map((p) => apply(truth, p)),
    );
    for (const key of ['a', 'b', 'tx', 'ty'] as const) expect(fitted[key]).toBeCloseTo(truth[key], 9);
    expect(() => fitSimilarity([[1, 1]], [[2, 2]])).toThrow(RangeError);
    expect(() =>
      fitSimilarity(
        [
          [1, 1],
          [1, 1],
        ],
        [
          [0, 0],
          [3, 3],
        ],
      ),
    ).toThrow(RangeError);
  });

  it("places dlib's template in the chip: eyes level and symmetric about the middle, nose below", () => {
    const [rightOuter, rightInner, leftOuter, leftInner, nose] = templateInChip();
    expect(rightOuter![1]).toBeCloseTo(leftOuter![1], 0);
    expect(rightInner![1]).toBeCloseTo(leftInner![1], 0);
    expect((rightOuter![0] + leftOuter![0]) / 2).toBeCloseTo(CHIP_SIZE / 2, -1);
    expect(nose![1]).toBeGreaterThan(rightInner![1] + 30);
    // Padding 0.25 of a 150 px chip: the template spans 100 px.
    expect(CHIP_PADDING).toBe(0.25);
    expect(leftOuter![0]).toBeCloseTo(((0.25 + 0.1205750620789) / 1.5) * 150, 9);
  });

  it('maps the template onto mesh landmarks of a tilted face', () => {
    const truth = { a: 1.8 * Math.cos(-0.2), b: 1.8 * Math.sin(-0.2), tx: 300, ty: 120 };
    const mesh: number[][] = Array.from({ length: 468 }, () => [0, 0, 0]);
    templateInChip().forEach((p, i) => {
      const [x, y] = apply(truth, p);
      mesh[MESH_TEMPLATE_POINTS[i]!] = [x, y, 5];
    });
    const t = chipTransform(mesh);
    for (const key of ['a', 'b', 'tx', 'ty'] as const) expect(t[key]).toBeCloseTo(truth[key], 9);
    expect(() => chipTransform(mesh.slice(0, 100))).toThrow(RangeError);
  });

  it('samples the image where the transform says, clamps outside it and mirrors on request', () => {
    const image = coordinateImage(64, 48);
    const shift = { a: 1, b: 0, tx: 10, ty: 5 };
    const chip = extractChip(image, shift, 8);
    const at = (c: Float32Array, x: number, y: number, size = 8) =>
      Array.from(c.slice((y * size + x) * 3, (y * size + x) * 3 + 3));
    expect(at(chip, 0, 0)).toEqual([10, 5, 77]);
    expect(at(chip, 7, 3)).toEqual([17, 8, 77]);
    const mirrored = extractChip(image, shift, 8, true);
    expect(at(mirrored, 0, 3)).toEqual(at(chip, 7, 3));
    // Half a pixel in: the bilinear mean of two neighbours.
    expect(at(extractChip(image, { a: 1, b: 0, tx: 2.5, ty: 0 }, 4), 0, 0)[0]).toBeCloseTo(2.5, 5);
    // Outside the image: the edge pixel repeats.
    expect(at(extractChip(image, { a: 1, b: 0, tx: -20, ty: 100 }, 4), 0, 0)).toEqual([0, 47, 77]);
  });

  it('averages the pixels a chip pixel covers when it shrinks the image', () => {
    // A 1-pixel checkerboard shrunk 4 times: one bilinear sample per chip pixel would land on a whole pixel (all
    // black or all white); 4 x 4 samples average to grey.
    const width = 64;
    const data = new Uint8Array(width * width * 3);
    for (let i = 0; i < width * width; i++)
      data.fill(((i % width) + Math.floor(i / width)) % 2 ? 255 : 0, i * 3, i * 3 + 3);
    const chip = extractChip({ data, width, height: width }, { a: 4, b: 0, tx: 1, ty: 1 }, 16);
    for (const value of chip) expect(Math.abs(value - 127.5)).toBeLessThan(16);
  });
});
