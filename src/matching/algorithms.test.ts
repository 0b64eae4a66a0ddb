import { describe, expect, it } from 'vitest';
import { compareValues } from './algorithms.js';

describe('compareValues', () => {
  it('calls equal values an exact match, which is also partial, at distance 0', () => {
    for (const algorithm of ['levenshtein', 'fuzzy'] as const) {
      expect(compareValues('MCCLANE', 'MCCLANE', algorithm)).toEqual({
        exactMatch: true,
        partialMatch: true,
        editDistance: 0,
      });
    }
  });

  it('levenshtein: partial only when the similarity is strictly above 90%', () => {
    // 11 letters, one edit: 1 - 1/11 = 0.909.
    expect(compareValues('ABCDEFGHIJK', 'ABCDEFGHIJX', 'levenshtein')).toEqual({
      exactMatch: false,
      partialMatch: true,
      editDistance: 1,
    });
    // 10 letters, one edit: exactly 0.9, which is not above 90%.
    expect(compareValues('ABCDEFGHIJ', 'ABCDEFGHIX', 'levenshtein').partialMatch).toBe(false);
    expect(compareValues('JOHN', 'JOHN MICHAEL', 'levenshtein')).toEqual({
      exactMatch: false,
      partialMatch: false,
      editDistance: 8,
    });
  });

  it('fuzzy: also partial when a word of one value is a word of the other', () => {
    expect(compareValues('JOHN', 'JOHN MICHAEL', 'fuzzy')).toEqual({
      exactMatch: false,
      partialMatch: true,
      editDistance: 8,
    });
    expect(compareValues('SANTOS MENDES', 'MENDES', 'fuzzy').partialMatch).toBe(true);
    expect(compareValues('MARIA PAULA', 'PAULA MARIA', 'fuzzy').partialMatch).toBe(true);
    expect(compareValues('MARIA', 'MARIO', 'fuzzy').partialMatch).toBe(false);
  });

  it('fuzzy: a shared initial is not a shared word', () => {
    expect(compareValues('JOHN A SMITH', 'MARY A JONES', 'fuzzy').partialMatch).toBe(false);
  });

  it('fuzzy: words are compared after normalization, so case matters with none', () => {
    expect(compareValues('John', 'JOHN Michael', 'fuzzy').partialMatch).toBe(false);
  });
});
