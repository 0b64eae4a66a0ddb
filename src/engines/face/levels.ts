import { MATCH_LEVELS, SIMILARITY_LEVELS } from './thresholds.js';
import type { SimilarityLevel } from './types.js';

/** The highest similarity level whose lower bound `similarity` reaches. */
export function similarityLevelOf(similarity: number): SimilarityLevel {
  if (similarity >= SIMILARITY_LEVELS.high) return 'high';
  if (similarity >= SIMILARITY_LEVELS.medium) return 'medium';
  if (similarity >= SIMILARITY_LEVELS.low) return 'low';
  return 'veryLow';
}

/** The highest FaceTec-style match level whose threshold `similarity` reaches; 0 = non-match. */
export function matchLevelOf(similarity: number): number {
  let level = 0;
  for (const step of MATCH_LEVELS) if (similarity >= step.minSimilarity) level = Math.max(level, step.level);
  return level;
}
