import { describe, expect, it } from 'vitest';
import { assertTransition, canTransition, isFinal, processStatuses } from './process-status.js';

describe('process status machine', () => {
  it('lets a pending process start, fail or be canceled, and nothing else', () => {
    const allowed = processStatuses.filter((to) => canTransition('pending', to));
    expect(allowed).toEqual(['processing', 'canceled', 'failed']);
  });

  it('lets a processing process reach every final status', () => {
    const allowed = processStatuses.filter((to) => canTransition('processing', to));
    expect(allowed).toEqual(['accepted', 'rejected', 'inconclusive', 'canceled', 'failed']);
  });

  it('never leaves a final status', () => {
    for (const from of processStatuses.filter(isFinal)) {
      for (const to of processStatuses) expect(canTransition(from, to), `${from}->${to}`).toBe(false);
    }
  });

  it('throws on a forbidden transition', () => {
    expect(() => assertTransition('accepted', 'pending')).toThrow(/from 'accepted' to 'pending'/);
    expect(() => assertTransition('pending', 'accepted')).toThrow();
    expect(() => assertTransition('pending', 'processing')).not.toThrow();
  });
});
