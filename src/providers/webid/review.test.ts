import { describe, expect, it } from 'vitest';
import { processExamplesOf, specAvailable } from '../../../test/support/spec-examples.js';
import type { ReviewDecision } from '../../review/decision.js';
import { reasonOf } from '../../review/reasons.js';
import { webid } from './definition.js';

const review = webid.review!;
const map = (raw: unknown) => webid.mapResult(raw, { processType: 'videoid', today: '2026-11-21' });

// What the engines read from Erica Mustermann's identity card, before anyone decided.
const undecided = {
  actionId: '165001703',
  transactionId: '2510b01d-bf91-45e4-aadd-c930cb1c1b09',
  success: false,
  mismatch: false,
  identifiedOn: null,
  user: { firstname: 'ERICA', lastname: 'MUSTERMANN', dateOfBirth: '1990-02-17', gender: 'F' },
  idDocument: { documentType: 'identityCard', idNumber: 'PA9921465', dateOfExpiry: '2027-08-23', nationality: 'D' },
};

function decision(verdict: 'accept' | 'reject', reason: string, fields = {}): ReviewDecision {
  return {
    verdict,
    reason: reasonOf(verdict, reason)!,
    fields: { ...review.extracted(undecided), ...fields },
    reviewerId: 'a1b2c3d4-0000-8000-8000-000000000001',
    decisionId: 'decision-1',
    queuedAt: Date.UTC(2026, 10, 21, 9, 0, 0),
    claimedAt: Date.UTC(2026, 10, 21, 9, 5, 0),
    decidedAt: Date.UTC(2026, 10, 21, 9, 6, 0),
  };
}

describe('WebID review', () => {
  it('videoid results wait for a reviewer, accountid ones never', () => {
    expect(review.awaitsReviewer(undecided, 'videoid')).toBe(true);
    expect(review.awaitsReviewer(undecided, 'accountid')).toBe(false);
  });

  it('an acceptance is an identified ident response, with the corrected data as finalResult', () => {
    const outcome = map(
      review.decided(
        undecided,
        decision('accept', 'documentAndFaceMatch', { nationality: 'DE', firstName: 'Erica', lastName: 'Mustermann' }),
      ),
    );
    expect(outcome.status).toBe('accepted');
    expect(outcome.finalResult).toEqual({
      firstName: 'Erica',
      lastName: 'Mustermann',
      dateOfBirth: '1990-02-17',
      dateOfExpiry: '2027-08-23',
      gender: 'F',
      nationality: 'DEU',
      documentType: 'identityCard',
      documentNumber: 'PA9921465',
    });
    expect(outcome.providerSpecific?.identResponse).toMatchObject({
      success: true,
      mismatch: false,
      identMode: 'video_ident',
      identifiedOn: '2026-11-21T09:06:00Z',
      agentId: 'a1b2c3d4-0000-8000-8000-000000000001',
    });
  });

  it('a rejection is an ident response that did not succeed, with the reason', () => {
    const outcome = map(review.decided(undecided, decision('reject', 'documentFraudulent')));
    expect(outcome.status).toBe('rejected');
    expect(outcome.finalResult).toBeUndefined();
    expect(outcome.providerSpecific?.identResponse).toMatchObject({
      success: false,
      rejectionReason: expect.any(String),
    });
  });

  it.skipIf(!specAvailable())('has the finalResult fields of upstream videoid example', () => {
    const example = processExamplesOf('webid').find(
      (e) => e.example.status === 'accepted' && e.example.processType === 'videoid',
    );
    expect(example).toBeDefined();
    const outcome = map(review.decided(undecided, decision('accept', 'documentAndFaceMatch')));
    expect(Object.keys(outcome.finalResult ?? {}).sort()).toEqual(
      Object.keys(example!.example.finalResult as object).sort(),
    );
  });
});
