import { describe, expect, it } from 'vitest';
import { claimState, liveClaim } from './claims.js';
import { checkCorrections } from './decision.js';
import { fourEyesStep } from './four-eyes.js';
import { reasonList, reasonOf } from './reasons.js';
import { reviewedOutcome } from './reviewed-outcome.js';
import { reviewerId } from './reviewer-id.js';

describe('claims', () => {
  const held = { claimedBy: 'ann@example.com', claimExpiresAt: 1_000 };
  it('belong to their holder until they lapse, then to nobody', () => {
    expect(claimState(held, 'ann@example.com', 999)).toBe('mine');
    expect(claimState(held, 'bob@example.com', 999)).toBe('someoneElse');
    expect(claimState(held, 'bob@example.com', 1_000)).toBe('free');
    expect(claimState({ claimedBy: null, claimExpiresAt: null }, 'bob@example.com', 0)).toBe('free');
    expect(liveClaim(held, 1_000)).toEqual({ claimedBy: null, claimExpiresAt: null });
  });
});

describe('four-eyes', () => {
  it('needs two different reviewers to accept, one to reject', () => {
    expect(fourEyesStep('accept', true, [], 'ann')).toEqual({ kind: 'awaitingSecondApproval' });
    expect(fourEyesStep('accept', true, ['ann'], 'ann')).toEqual({ kind: 'sameReviewer' });
    expect(fourEyesStep('accept', true, ['ann'], 'bob')).toEqual({ kind: 'final' });
    expect(fourEyesStep('reject', true, [], 'ann')).toEqual({ kind: 'final' });
    expect(fourEyesStep('accept', false, [], 'ann')).toEqual({ kind: 'final' });
  });
});

describe('reasons and corrections', () => {
  it('take only a reason of the verdict, and known fields', () => {
    expect(reasonOf('reject', 'faceMismatch')?.label).toMatch(/not the person/);
    expect(reasonOf('accept', 'faceMismatch')).toBeUndefined();
    expect(reasonList().reject.map((r) => r.code)).toContain('promptNotFollowed');
    expect(checkCorrections({ lastName: ' Doe ' })).toEqual({ lastName: 'Doe' });
    expect(checkCorrections({ password: 'x' })).toMatch(/not a field/);
    expect(checkCorrections({ lastName: '' })).toMatch(/1 to 200/);
  });
});

describe('a reviewed inconclusive outcome', () => {
  const inconclusive = { status: 'inconclusive' as const, providerSpecific: { a: 1 } };
  it('takes the verdict, keeps the provider sections, and the corrections on acceptance', () => {
    expect(reviewedOutcome(inconclusive, 'accept', { lastName: 'Doe' })).toEqual({
      status: 'accepted',
      providerSpecific: { a: 1 },
      finalResult: { lastName: 'Doe' },
    });
    expect(reviewedOutcome(inconclusive, 'reject', { lastName: 'Doe' })).toEqual({
      status: 'rejected',
      providerSpecific: { a: 1 },
    });
  });
});

describe('reviewer ids', () => {
  it('are stable UUIDs that do not show the email', () => {
    const id = reviewerId('Ann@Example.com');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(reviewerId('ann@example.com')).toBe(id);
    expect(reviewerId('bob@example.com')).not.toBe(id);
  });
});
