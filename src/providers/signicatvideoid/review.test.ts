import { describe, expect, it } from 'vitest';
import { processExamplesOf, specAvailable } from '../../../test/support/spec-examples.js';
import type { ReviewDecision } from '../../review/decision.js';
import { reasonOf } from '../../review/reasons.js';
import { eid } from '../eid/definition.js';
import { signicatvideoid } from './definition.js';
import { completed, passportOcr, securityChecks } from './scenario-data.js';

const review = signicatvideoid.review!;
const map = (raw: unknown, processType: string) => signicatvideoid.mapResult(raw, { processType, today: '2026-11-21' });

function decision(verdict: 'accept' | 'reject', reason: string, fields = {}): ReviewDecision {
  return {
    verdict,
    reason: reasonOf(verdict, reason)!,
    fields: { ...review.extracted(completed(passportOcr())), ...fields },
    reviewerId: '2f1c6a0e-5b7d-8c3e-9a41-0d6e2b7f9c10',
    decisionId: '6b19d497-e024-4b9c-aade-e6e370b59670',
    queuedAt: Date.UTC(2026, 10, 21, 9, 0, 0),
    claimedAt: Date.UTC(2026, 10, 21, 9, 10, 0),
    decidedAt: Date.UTC(2026, 10, 21, 9, 11, 46),
  };
}

describe('VideoID review: who waits for a reviewer', () => {
  it('agent types wait unless a security check already rejects; substantial waits only when inconclusive', () => {
    const clean = completed(passportOcr());
    const medium = completed(passportOcr({ similarityScore: 'medium' }));
    const expired = completed(passportOcr({ securityChecks: securityChecks({ nonExpired: false }) }));
    expect(review.awaitsReviewer(clean, 'high')).toBe(true);
    expect(review.awaitsReviewer(expired, 'high')).toBe(false);
    expect(review.awaitsReviewer(clean, 'substantial')).toBe(false);
    expect(review.awaitsReviewer(medium, 'substantial')).toBe(true);
    expect(review.awaitsReviewer(medium, 'substantialFullyAuto')).toBe(false);
    expect(review.awaitsReviewer({ status: 'failed', error: { type: 'X', message: 'y' } }, 'high')).toBe(false);
    expect(eid.review!.awaitsReviewer(clean, 'unattended')).toBe(true);
    expect(eid.review!.awaitsReviewer(clean, 'substantial')).toBe(false);
  });
});

describe('VideoID review: the decision is the agent record upstream sends', () => {
  it('an acceptance maps to accepted with the manual approval, the reviewer corrections in it', () => {
    const raw = review.decided(
      completed(passportOcr()),
      decision('accept', 'documentAndFaceMatch', { dateOfExpiry: '2025-10-13' }),
    );
    const outcome = map(raw, 'high');
    expect(outcome.status).toBe('accepted');
    expect(outcome.providerSpecific?.manualApproval).toEqual({
      duration: '106',
      firstName: 'MARIA PAULA',
      lastName: 'SANTOS MENDES',
      dateOfBirth: '2002-04-29',
      gender: 'F',
      nationality: 'PRT',
      documentNumber: '1234567890',
      issuingCountry: 'PRT',
      dateOfExpiry: '2025-10-13',
      personalIdentificationNumber: 'FANTASYBANK1234567890',
      videoId: expect.any(String),
      verificationId: '6b19d497-e024-4b9c-aade-e6e370b59670',
      verifierId: '2f1c6a0e-5b7d-8c3e-9a41-0d6e2b7f9c10',
      verificationDate: '2026-11-21T09:11:46Z',
    });
  });

  it('a rejection maps to rejected with the reason in VideoID words', () => {
    const outcome = map(review.decided(completed(passportOcr()), decision('reject', 'faceMismatch')), 'high');
    expect(outcome.status).toBe('rejected');
    expect(outcome.providerSpecific?.manualApproval).toMatchObject({
      rejectionReasons: [{ type: 'Photo.DoesNotMatchPerson', message: expect.any(String) }],
    });
  });

  it('an inconclusive substantial result takes the reviewer decision', () => {
    const medium = completed(passportOcr({ similarityScore: 'medium' }));
    expect(map(medium, 'substantial').status).toBe('inconclusive');
    expect(
      map(review.decided(medium, decision('accept', 'documentVerifiedFaceMatchedByReviewer')), 'substantial').status,
    ).toBe('accepted');
    expect(map(review.decided(medium, decision('reject', 'poorQuality')), 'substantial').status).toBe('rejected');
  });

  it.skipIf(!specAvailable())(
    'has the fields of the manual approval in upstream examples (but the registration authority)',
    () => {
      const example = processExamplesOf('signicatvideoid').find(
        (e) => e.example.status === 'accepted' && e.example.processType === 'high',
      );
      expect(example, 'the high accepted example').toBeDefined();
      const upstream = (example!.example.providerSpecific as { manualApproval: Record<string, unknown> })
        .manualApproval;
      const outcome = map(review.decided(completed(passportOcr()), decision('accept', 'documentAndFaceMatch')), 'high');
      const ours = outcome.providerSpecific?.manualApproval as Record<string, unknown>;
      // rAuthorityId names the vendor's registration authority: there is none behind this server's reviewers.
      expect(Object.keys(ours).sort()).toEqual(
        Object.keys(upstream)
          .filter((k) => k !== 'rAuthorityId')
          .sort(),
      );
      for (const key of Object.keys(ours)) expect(typeof ours[key], key).toBe(typeof upstream[key]);
    },
  );
});
