import type { ReviewVerdict } from './reasons.js';

/**
 * The four-eyes rule: with it, an acceptance needs two different reviewers, a rejection one (a single
 * doubt is enough to refuse). Without it every decision is final at once.
 */
export type FourEyesStep = { kind: 'final' } | { kind: 'awaitingSecondApproval' } | { kind: 'sameReviewer' };

export function fourEyesStep(
  verdict: ReviewVerdict,
  fourEyes: boolean,
  approvals: readonly string[],
  operator: string,
): FourEyesStep {
  if (verdict === 'reject' || !fourEyes) return { kind: 'final' };
  if (approvals.includes(operator)) return { kind: 'sameReviewer' };
  return approvals.length >= 1 ? { kind: 'final' } : { kind: 'awaitingSecondApproval' };
}
