import { describe, expect, it } from 'vitest';
import { overlaps, pixelBox, unionOf } from './boxes.js';
import { redactionLevels } from './fields.js';
import { marginFactors, withMargin } from './margins.js';

describe('redaction boxes', () => {
  it('unites boxes and tells overlaps', () => {
    const a = { x: 10, y: 10, width: 10, height: 10 };
    const b = { x: 30, y: 5, width: 5, height: 5 };
    expect(unionOf([a, b])).toEqual({ x: 10, y: 5, width: 25, height: 15 });
    expect(unionOf([])).toBeUndefined();
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, { x: 19, y: 19, width: 5, height: 5 })).toBe(true);
    // Touching edges do not overlap.
    expect(overlaps(a, { x: 20, y: 10, width: 5, height: 5 })).toBe(false);
  });

  it('rounds a box outwards to whole pixels and clips it to the image', () => {
    expect(pixelBox({ x: 1.6, y: 2.2, width: 3, height: 3 }, { width: 100, height: 100 })).toEqual({
      x: 1,
      y: 2,
      width: 4,
      height: 4,
    });
    expect(pixelBox({ x: -5, y: 90, width: 20, height: 20 }, { width: 100, height: 100 })).toEqual({
      x: 0,
      y: 90,
      width: 15,
      height: 10,
    });
    expect(pixelBox({ x: 120, y: 0, width: 5, height: 5 }, { width: 100, height: 100 })).toBeUndefined();
  });
});

describe('redaction margins', () => {
  const text = { x: 100, y: 50, width: 200, height: 30 };

  it('grow with the level, from the box shorter side, the same on every side', () => {
    let previous = 0;
    for (const level of redactionLevels) {
      const grown = withMargin(text, level);
      const margin = text.x - grown.x;
      expect(margin).toBeCloseTo(marginFactors[level] * 30);
      expect(margin).toBeGreaterThan(previous);
      expect(grown.y).toBeCloseTo(text.y - margin);
      expect(grown.width).toBeCloseTo(text.width + 2 * margin);
      expect(grown.height).toBeCloseTo(text.height + 2 * margin);
      previous = margin;
    }
  });

  it('are never thinner than two pixels, so a tiny box loses its blurred edges', () => {
    expect(withMargin({ x: 10, y: 10, width: 4, height: 4 }, 'standard')).toEqual({ x: 8, y: 8, width: 8, height: 8 });
  });
});
