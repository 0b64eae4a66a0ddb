/**
 * Similarity thresholds, calibrated with bench/faces on the shared face corpus: similarity = 1 - d / 1.2, d being the
 * Euclidean distance of the 128-value descriptors of face-api's recognition net (dlib's ResNet) on faces aligned by
 * human's landmarks, largest face of each image, after the engine's downscale and edge padding
 * (`taskset -c 1 npx tsx bench/faces/run.ts`, 2026-11-22; figures in docs/BENCHMARKS.md, "bench/faces").
 *
 * The data, and what it can and cannot back:
 * - 84 single-person images of 25 identities (public figures, stock models, a CGI character, TV-series stills as
 *   150 px grey crops). "labelled" = the 231 pairs faces.json lists (127 same, 104 different); "all" = every pair of
 *   those images labelled by identity, 3,486 pairs (162 same, 3,324 different). Pairs share images, so they are not
 *   independent: the effective sample is much smaller than the pair counts suggest.
 * - The thresholds were CHOSEN ON THE SAME PAIRS THEY ARE EVALUATED ON (the "all" set), so the rates below are
 *   optimistic. An identity-disjoint two-fold check (threshold chosen on half of the identities, applied to the
 *   other half) gave FAR 0.7% / FRR 3.4% and FAR 1.7% / FRR 0% at the equal-error threshold.
 * - Equal error rate: 1.2% on all pairs, 0.9% on the labelled pairs (human's faceres embedding, used before:
 *   6.2% and 8.7%). The errors left are mostly look-alike young women among the stock photos of human's samples.
 *   dlib's net was trained on about 3 million faces of public figures and others: some corpus identities (Obama,
 *   Biden) are likely among them, which flatters it.
 * - FARs down to about 1/1,000 are measured (3,324 different-person pairs; 1/1,000 allows 3 false accepts).
 *   Smaller FARs cannot be measured on this set: those thresholds come from an exponential fit of the top 5% of
 *   different-person scores (it gives the measured thresholds at 1/100-1/500 within 0.009, and 0.018 above the
 *   measured one at 1/1,000) and are EXTRAPOLATIONS, marked as such. Each level uses the larger of the measured and
 *   the fitted threshold.
 *
 * Rates at each shipped threshold, all pairs (labelled pairs in brackets); false accepts/rejects counted:
 *
 * threshold              sim >=  target FAR          FAR all (labelled)         FRR all (labelled)
 * similarityLevel low    0.430   - (every same pair) 5.1%  171 (11.5% 12)       0      0 (0      0)
 * similarityLevel medium 0.477   1/100               0.96%  32 (0      0)       1.9%   3 (1.6%   2)
 * similarityLevel high   0.544   1/1,000             0       0 (0      0)       14.2% 23 (9.4%  12)
 * matchLevel 1           0.477   1/100               0.96%  32 (0      0)       1.9%   3 (1.6%   2)
 * matchLevel 2           0.504   1/250               0.36%  12 (0      0)       4.9%   8 (3.1%   4)
 * matchLevel 3           0.524   1/500               0.12%   4 (0      0)       8.0%  13 (4.7%   6)
 * matchLevel 4           0.544   1/1,000             0       0 (0      0)       14.2% 23 (9.4%  12)
 * matchLevel 5           0.610   1/10,000 (extrap.)  0       0 (0      0)       40.1% 65 (37.0% 47)
 * matchLevel 6           0.676   1/100,000 (extrap.) 0       0 (0      0)       75.3% 122 (74.0% 94)
 * matchLevel 7           0.722   1/500,000 (extrap.) 0       0 (0      0)       89.5% 145 (90.6% 115)
 * matchLevel 8           0.742   1/1,000,000 (extr.) 0       0 (0      0)       91.4% 148 (92.9% 118)
 *
 * Reading it: `high` now means a FAR of 1/1,000 (measured: none of 3,324 different-person pairs reached it) and
 * still rejects fewer same-person pairs (14%) than the old `high` did at 1/100 (23%). `medium` is the old `high`'s
 * FAR of 1/100, next to the equal-error point. FaceTec's "accepted" needs matchLevel 6 (1/100,000, extrapolated):
 * a quarter of the corpus's same-person pairs reach it; expect fewer for real selfie-to-document pairs.
 */

/** Lower bounds of each similarity level; below `low` is `veryLow`. */
export const SIMILARITY_LEVELS = {
  /** Every same-person pair of the corpus scored at least this; 95% of different-person pairs fall under it. */
  low: 0.43,
  /** FAR 1/100 (matchLevel 1), next to the equal-error point (FAR and FRR both 1.2%): "probably the same person". */
  medium: 0.477,
  /** FAR 1/1,000 (matchLevel 4): "very likely the same person". */
  high: 0.544,
} as const;

export interface MatchLevelStep {
  /** FaceTec's match level: 1 = 1/100 FAR ... 8 = 1/1,000,000 FAR; 0 = below every step. */
  level: number;
  targetFar: number;
  minSimilarity: number;
  /** 'measured' where the corpus has enough different-person pairs; otherwise fitted and extrapolated. */
  evidence: 'measured' | 'extrapolated';
}

export const MATCH_LEVELS: readonly MatchLevelStep[] = [
  { level: 1, targetFar: 1 / 100, minSimilarity: 0.477, evidence: 'measured' },
  { level: 2, targetFar: 1 / 250, minSimilarity: 0.504, evidence: 'measured' },
  { level: 3, targetFar: 1 / 500, minSimilarity: 0.524, evidence: 'measured' },
  { level: 4, targetFar: 1 / 1_000, minSimilarity: 0.544, evidence: 'measured' },
  { level: 5, targetFar: 1 / 10_000, minSimilarity: 0.61, evidence: 'extrapolated' },
  { level: 6, targetFar: 1 / 100_000, minSimilarity: 0.676, evidence: 'extrapolated' },
  { level: 7, targetFar: 1 / 500_000, minSimilarity: 0.722, evidence: 'extrapolated' },
  { level: 8, targetFar: 1 / 1_000_000, minSimilarity: 0.742, evidence: 'extrapolated' },
];
