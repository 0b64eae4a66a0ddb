import type { EnvReader } from './env-reader.js';

export interface ReviewConfig {
  /** How long a reviewer's claim keeps a case from other reviewers (OPENASSURE_REVIEW_CLAIM_MINUTES). */
  claimMinutes: number;
}

export function readReview(read: EnvReader): ReviewConfig {
  return { claimMinutes: read.integer('OPENASSURE_REVIEW_CLAIM_MINUTES', 15, 1, 24 * 60) };
}
