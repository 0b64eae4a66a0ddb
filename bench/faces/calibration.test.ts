import { describe, expect, it } from 'vitest';
import {
  areaUnderCurve,
  equalErrorRate,
  normalTail,
  normalTailInverse,
  ratesAt,
  tailThreshold,
  thresholdForFar,
  type ScoredPair,
} from './calibration.js';

const same = (similarity: number): ScoredPair => ({ similarity, same: true });
const different = (similarity: number): ScoredPair => ({ similarity, same: false });

describe('calibration', () => {
  const pairs = [same(0.9), same(0.8), same(0.6), different(0.7), different(0.5), different(0.4), different(0.3)];

  it('counts false accepts and rejects at a threshold (accept when >=)', () => {
    expect(ratesAt(pairs, 0.6)).toMatchObject({ falseAccepts: 1, impostors: 4, falseRejects: 0, genuines: 3 });
    expect(ratesAt(pairs, 0.8)).toMatchObject({ far: 0, frr: 1 / 3 });
  });

  it('finds the equal error rate where the rates are closest', () => {
    const { eer, at } = equalErrorRate(pairs);
    expect(at.threshold).toBe(0.7);
    expect(at.far).toBe(0.25);
    expect(at.frr).toBeCloseTo(1 / 3);
    expect(eer).toBeCloseTo((0.25 + 1 / 3) / 2);
    expect(equalErrorRate([same(0.9), different(0.1)]).eer).toBe(0);
  });

  it('measures the area under the ROC as a ranking probability', () => {
    expect(areaUnderCurve([same(0.9), different(0.1)])).toBe(1);
    expect(areaUnderCurve(pairs)).toBeCloseTo(11 / 12);
  });

  it('picks the lowest 0.001-grid threshold whose measured FAR meets the target', () => {
    expect(thresholdForFar(pairs, 0)).toBe(0.701);
    expect(thresholdForFar(pairs, 0.25)).toBe(0.501);
    expect(ratesAt(pairs, thresholdForFar(pairs, 0.25)).far).toBeLessThanOrEqual(0.25);
    // A score that is exactly on the grid must still be rejected.
    expect(thresholdForFar([different(0.523), same(0.9)], 0)).toBe(0.524);
  });

  it('inverts the normal tail', () => {
    expect(normalTail(0)).toBeCloseTo(0.5, 6);
    expect(normalTailInverse(0.001)).toBeCloseTo(3.0902, 3);
    expect(normalTailInverse(1e-6)).toBeCloseTo(4.7534, 3);
  });

  it('extrapolates an exponential tail: exact for exponentially distributed impostor scores', () => {
    // Scores at the quantiles of 0.3 + Exp(mean 0.05): P(S >= t) = exp(-(t - 0.3) / 0.05).
    const n = 20_000;
    const impostors = Array.from({ length: n }, (_, i) => different(0.3 - 0.05 * Math.log((i + 0.5) / n)));
    const expected = 0.3 + 0.05 * Math.log(1e6);
    expect(tailThreshold(impostors, 1e-6)).toBeCloseTo(expected, 2);
  });
});
