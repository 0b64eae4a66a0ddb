import type { Outcome } from '../core/domain.js';
import type { ExtractedFields } from './decision.js';
import type { ReviewVerdict } from './reasons.js';

/**
 * The outcome of an inconclusive result a reviewer decided, for a provider whose upstream has no agent
 * (a client's reviewInconclusive setting sent it to review): the provider's own sections stay as the
 * engines produced them, the status is the reviewer's, and an acceptance carries the finalResult with the
 * reviewer's corrections (a rejection carries none, as the providers' rejected results do not).
 */
export function reviewedOutcome(inconclusive: Outcome, verdict: ReviewVerdict, corrections: ExtractedFields): Outcome {
  const { providerSpecific, finalResult } = inconclusive;
  if (verdict === 'reject') {
    return { status: 'rejected', ...(providerSpecific !== undefined && { providerSpecific }) };
  }
  const corrected = { ...finalResult, ...corrections };
  return {
    status: 'accepted',
    ...(providerSpecific !== undefined && { providerSpecific }),
    ...(Object.keys(corrected).length > 0 && { finalResult: corrected }),
  };
}
