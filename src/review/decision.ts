import type { ReasonEntry, ReviewVerdict } from './reasons.js';

/**
 * The fields a reviewer sees and may correct, in one vocabulary for every provider (each provider
 * reads them from its raw result and writes corrections back in its own shape).
 */
export const reviewFields = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'gender',
  'nationality',
  'documentType',
  'documentNumber',
  'dateOfExpiry',
  'issuingCountry',
  'personalIdentificationNumber',
] as const;
export type ReviewField = (typeof reviewFields)[number];
export type ExtractedFields = Partial<Record<ReviewField, string>>;

/** A final review decision, as a provider turns it into what its upstream agent would have sent. */
export interface ReviewDecision {
  verdict: ReviewVerdict;
  reason: ReasonEntry;
  /** The extracted fields with the reviewers' corrections applied. */
  fields: ExtractedFields;
  /** A pseudonymous, stable id of the deciding reviewer (never the email: the client sees it). */
  reviewerId: string;
  /** The id of the decision (upstream's verification id). */
  decisionId: string;
  /** Epoch ms: when the case entered the queue, when the deciding reviewer claimed it, and the decision. */
  queuedAt: number;
  claimedAt: number;
  decidedAt: number;
}

/**
 * Corrections checked against the fields a reviewer may correct: a string of at most 200 characters for a
 * known field. Returns the problem, or the corrections typed.
 */
export function checkCorrections(corrections: Record<string, unknown>): ExtractedFields | string {
  const fields: ExtractedFields = {};
  for (const [name, value] of Object.entries(corrections)) {
    if (!(reviewFields as readonly string[]).includes(name)) {
      return `corrections.${name} is not a field a reviewer can correct (${reviewFields.join(', ')}).`;
    }
    if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
      return `corrections.${name} must be a text of 1 to 200 characters.`;
    }
    fields[name as ReviewField] = value.trim();
  }
  return fields;
}
