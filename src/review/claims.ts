/**
 * Who may work on a queued review now. A claim keeps two reviewers off the same case for a while
 * (OPENASSURE_REVIEW_CLAIM_MINUTES); once it has lapsed the case is free again, for anyone.
 */
export interface ClaimHolder {
  claimedBy: string | null;
  claimExpiresAt: number | null;
}

export type ClaimState = 'free' | 'mine' | 'someoneElse';

export function claimState(review: ClaimHolder, operator: string, now: number): ClaimState {
  if (review.claimedBy === null || review.claimExpiresAt === null || review.claimExpiresAt <= now) return 'free';
  return review.claimedBy === operator ? 'mine' : 'someoneElse';
}

/** The claim a reviewer holds, as the queue shows it: none once it has lapsed. */
export function liveClaim(review: ClaimHolder, now: number): ClaimHolder {
  return review.claimExpiresAt !== null && review.claimExpiresAt > now
    ? review
    : { claimedBy: null, claimExpiresAt: null };
}
