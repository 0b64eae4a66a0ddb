import { describe, expect, it } from 'vitest';
import { FACE_PAD_THRESHOLDS, looksLive } from './presentation-attack.js';

describe('single-frame presentation-attack verdict', () => {
  const { antispoof, liveness } = FACE_PAD_THRESHOLDS;

  it('accepts a face only when both models reach their thresholds', () => {
    expect(looksLive({ antispoof, liveness })).toBe(true);
    expect(looksLive({ antispoof: 1, liveness: 1 })).toBe(true);
    expect(looksLive({ antispoof: antispoof - 0.01, liveness: 1 })).toBe(false);
    expect(looksLive({ antispoof: 1, liveness: liveness - 0.01 })).toBe(false);
  });

  it('gives no verdict when a score is missing, rather than guessing', () => {
    expect(looksLive({})).toBeUndefined();
    expect(looksLive({ antispoof: 1 })).toBeUndefined();
    expect(looksLive({ liveness: 1 })).toBeUndefined();
  });
});
