import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFile, sharedMaterial } from '../../test/support/shared-material.js';
import { codePointLength, levenshteinDistance, similarityRatio } from './levenshtein.js';

interface LevenCase {
  a: string;
  b: string;
  distance: number;
  normalizedSimilarity_1_minus_d_over_maxlen: number;
}

const file = corpusFile('name-matching/name_matching_cases.json');
const available = sharedMaterial('the Levenshtein vectors of the corpus', file);
const cases: LevenCase[] = available
  ? (JSON.parse(readFileSync(file, 'utf8')) as { levenshtein: { cases: LevenCase[] } }).levenshtein.cases
  : [];

describe('levenshteinDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['JOHN', 'JOHN MICHAEL', 8],
    ['19880818', '19830425', 4],
    ['flaw', 'lawn', 2],
  ])('%j → %j is %i', (a, b, distance) => {
    expect(levenshteinDistance(a, b)).toBe(distance);
    expect(levenshteinDistance(b, a)).toBe(distance);
  });

  it('counts a letter outside the BMP as one edit', () => {
    expect(levenshteinDistance('a𝒜b', 'ab')).toBe(1);
    expect(similarityRatio('𝒜𝒜', '𝒜')).toBe(0.5);
  });

  it('gives 1 for equal values, 0 when nothing lines up', () => {
    expect(similarityRatio('', '')).toBe(1);
    expect(similarityRatio('abc', 'abc')).toBe(1);
    expect(similarityRatio('abc', 'xyz')).toBe(0);
  });
});

describe.skipIf(!available)('Levenshtein vectors of the corpus (sindresorhus/leven)', () => {
  it.each(cases.map((c) => [c.a, c.b, c] as const))('%s / %s', (_a, _b, c) => {
    expect(levenshteinDistance(c.a, c.b)).toBe(c.distance);
    expect(similarityRatio(c.a, c.b)).toBeCloseTo(c.normalizedSimilarity_1_minus_d_over_maxlen, 5);
  });
});

describe('codePointLength', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['a𝒜b', 3],
    ['\ud835', 1],
    ['x\udc9cx', 3],
  ])('%j has %i code points, as Array.from counts them', (text, length) => {
    expect(codePointLength(text)).toBe(length);
    expect(Array.from(text).length).toBe(length);
  });
});
