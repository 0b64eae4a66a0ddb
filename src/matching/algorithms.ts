import { assertNever } from '../core/assert-never.js';
import { codePointLength, levenshteinDistance, similarityRatio } from '../core/levenshtein.js';
import type { Algorithm } from './types.js';

/** "Partial match: the similarity ratio is above 90% of characters" (upstream): strictly above. */
const partialSimilarity = 0.9;

export interface Comparison {
  exactMatch: boolean;
  partialMatch: boolean;
  editDistance: number;
}

/**
 * Words for the fuzzy word rule. A single letter is an initial, not a word: "A" in "John A Smith"
 * says nothing about "Mary A Jones", so it cannot make a partial match on its own.
 */
const wordsOf = (text: string): string[] => text.split(/\s+/u).filter((word) => codePointLength(word) > 1);

function sharesWord(source: string, target: string): boolean {
  const targetWords = new Set(wordsOf(target));
  return wordsOf(source).some((word) => targetWords.has(word));
}

/**
 * Compares two normalized values. Both algorithms report the Levenshtein distance and call equal values
 * an exact match, which is also a partial one. `levenshtein` calls a partial match a similarity ratio
 * above 90%; `fuzzy` also when a word of one value is a word of the other ("JOHN" and "JOHN MICHAEL").
 *
 * @example compareValues('JOHN', 'JOHN MICHAEL', 'fuzzy') // { exactMatch: false, partialMatch: true, editDistance: 8 }
 */
export function compareValues(source: string, target: string, algorithm: Algorithm): Comparison {
  const editDistance = levenshteinDistance(source, target);
  const exactMatch = editDistance === 0;
  const similar = exactMatch || similarityRatio(source, target, editDistance) > partialSimilarity;
  switch (algorithm) {
    case 'levenshtein':
      return { exactMatch, partialMatch: similar, editDistance };
    case 'fuzzy':
      return { exactMatch, partialMatch: similar || sharesWord(source, target), editDistance };
    default:
      return assertNever(algorithm);
  }
}
