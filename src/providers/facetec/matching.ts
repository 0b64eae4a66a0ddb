import { defined } from '../normalize.js';
import { assertNever } from '../../core/assert-never.js';
import type { Match, MatchPath } from './raw.js';
import type { Json } from '../../core/domain.js';

/** Upstream's name for the algorithm behind each FaceTec match endpoint. */
function algorithmOf(path: MatchPath): string {
  switch (path) {
    case '/match-3d-2d-face-portrait':
      return 'facePortrait';
    case '/match-3d-2d-3rdparty-idphoto':
      return 'idPhoto';
    case '/match-3d-2d-3rdparty-idphoto-low-quality':
      return 'idPhotoLowQuality';
    default:
      return assertNever(path);
  }
}

/**
 * FaceTec's image processing status, by upstream's names. 0 is FaceTec's "face found"; the others
 * follow the order in which upstream lists its values. An unknown code is left out.
 */
const imageProcessing = ['faceFound', 'invalidImage', 'faceDetectionIssue', 'lowQuality'] as const;

/** One match attempt as upstream shows it. */
function attempt(match: Match): Json {
  const code = match.imageProcessingStatusEnumInt;
  return defined({
    algorithm: algorithmOf(match.callData.path),
    matchLevel: match.matchLevel,
    imageProcessing: code === undefined ? undefined : imageProcessing[code],
    success: match.success,
    error: match.error,
  });
}

/** An attempt FaceTec answered with a level, as opposed to one that errored. */
export type ScoredMatch = Match & { matchLevel: number };

export const isScored = (match: Match): match is ScoredMatch => !match.error && match.matchLevel !== undefined;

/**
 * The attempt that decides: each algorithm is another chance for the same two faces, so the best level
 * counts; among equal levels the later, more lenient attempt is the one reported, as upstream shows it.
 */
export function decidingAttempt(matches: readonly ScoredMatch[]): ScoredMatch | undefined {
  return matches.reduce<ScoredMatch | undefined>(
    (best, match) => (best === undefined || match.matchLevel >= best.matchLevel ? match : best),
    undefined,
  );
}

/** providerSpecific.matching: every attempt, and the deciding one's fields at the top. */
export function matching(matches: readonly Match[], deciding: Match | undefined): Json {
  return { attempts: matches.map(attempt), ...(deciding && attempt(deciding)) };
}

/** Match levels by false acceptance rate: 6 is 1 in 100,000, 1 is 1 in 100, 0 no match. */
export const acceptedMatchLevel = 6;
export const lowestMatchLevel = 1;

/** A match level in upstream's similarity bands. */
export function similarityScore(matchLevel: number): 'high' | 'medium' | 'low' | 'veryLow' {
  if (matchLevel >= acceptedMatchLevel) return 'high';
  if (matchLevel >= 4) return 'medium';
  if (matchLevel >= lowestMatchLevel) return 'low';
  return 'veryLow';
}
