import { describe, expect, it } from 'vitest';
import { cosineSimilarity, euclideanDistance, faceSimilarity, ZERO_SIMILARITY_DISTANCE } from './similarity.js';

describe('similarity', () => {
  it('measures distance and angle', () => {
    expect(euclideanDistance([0, 0], [3, 4])).toBe(5);
    expect(cosineSimilarity([1, 0], [0, 2])).toBe(0);
    expect(cosineSimilarity([1, 1], [2, 2])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([0, 0], [1, 1])).toBe(0);
    expect(() => euclideanDistance([1], [1, 2])).toThrow(RangeError);
    expect(() => cosineSimilarity([], [])).toThrow(RangeError);
  });

  it("reports 1 - distance / 1.2: dlib's same-person threshold (0.6) at 0.5, clamped to 0..1", () => {
    expect(ZERO_SIMILARITY_DISTANCE).toBe(1.2);
    expect(faceSimilarity([0.5, 0.5], [0.5, 0.5])).toBe(1);
    expect(faceSimilarity([0, 0], [0.6, 0])).toBeCloseTo(0.5, 12);
    expect(faceSimilarity([0, 0], [0, 0.9])).toBeCloseTo(0.25, 12);
    expect(faceSimilarity([0, 0], [3, 4])).toBe(0);
  });
});
