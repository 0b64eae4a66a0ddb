import { describe, expect, it } from 'vitest';
import { matchLevelOf, similarityLevelOf } from './levels.js';
import { MATCH_LEVELS, SIMILARITY_LEVELS } from './thresholds.js';

describe('similarity levels', () => {
  it('maps each boundary to its level and just below it to the one beneath', () => {
    expect(similarityLevelOf(0)).toBe('veryLow');
    expect(similarityLevelOf(SIMILARITY_LEVELS.low - 1e-9)).toBe('veryLow');
    expect(similarityLevelOf(SIMILARITY_LEVELS.low)).toBe('low');
    expect(similarityLevelOf(SIMILARITY_LEVELS.medium)).toBe('medium');
    expect(similarityLevelOf(SIMILARITY_LEVELS.high - 1e-9)).toBe('medium');
    expect(similarityLevelOf(SIMILARITY_LEVELS.high)).toBe('high');
    expect(similarityLevelOf(1)).toBe('high');
  });
});

describe('match levels', () => {
  it('are FaceTec steps 1..8 with rising thresholds and falling FAR targets', () => {
    expect(MATCH_LEVELS.map((s) => s.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (let i = 1; i < MATCH_LEVELS.length; i++) {
      expect(MATCH_LEVELS[i]!.minSimilarity).toBeGreaterThan(MATCH_LEVELS[i - 1]!.minSimilarity);
      expect(MATCH_LEVELS[i]!.targetFar).toBeLessThan(MATCH_LEVELS[i - 1]!.targetFar);
    }
    // The similarity level `high` promises no weaker a match than FaceTec's lowest match level.
    expect(SIMILARITY_LEVELS.high).toBeGreaterThanOrEqual(MATCH_LEVELS[0]!.minSimilarity);
  });

  it('gives 0 below the first step and the highest step reached above it', () => {
    expect(matchLevelOf(0)).toBe(0);
    expect(matchLevelOf(MATCH_LEVELS[0]!.minSimilarity - 1e-9)).toBe(0);
    for (const step of MATCH_LEVELS) expect(matchLevelOf(step.minSimilarity)).toBe(step.level);
    expect(matchLevelOf(1)).toBe(8);
  });
});
