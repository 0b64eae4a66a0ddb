import { describe, expect, it } from 'vitest';
import { chooseThresholds, equalErrorRate, errorRates, thresholdRule } from './error-rates.js';
import type { FaceScore } from './face-scores.js';

const capture = (presentation: FaceScore['presentation'], liveness?: number): FaceScore => ({
  file: 'f',
  identity: 'i',
  split: 'tuning',
  presentation,
  seed: 0,
  faces: liveness === undefined ? 0 : 1,
  ...(liveness !== undefined && { liveness, antispoof: 0.5 }),
});

const scores = [
  ...[0.9, 0.8, 0.7, 0.4].map((v) => capture('bonaFide', v)),
  capture('bonaFide'),
  ...[0.6, 0.3, 0.2].map((v) => capture('print', v)),
  capture('print'),
  ...[0.75, 0.5].map((v) => capture('screen', v)),
];

describe('presentation-attack error rates', () => {
  it('counts attacks without a face as rejected and leaves bona fide ones without a face out of BPCER', () => {
    const rates = errorRates(scores, thresholdRule({ liveness: 0.65 }));
    expect(rates.bonaFide).toBe(4);
    expect(rates.bonaFideNoFace).toBe(1);
    expect(rates.bpcer).toBe(0.25);
    expect(rates.attacks.print).toEqual({ count: 4, apcer: 0, noFace: 1 });
    expect(rates.attacks.screen).toEqual({ count: 2, apcer: 0.5, noFace: 0 });
    expect(rates.apcerWorst).toBe(0.5);
  });

  it('chooses the threshold with the lowest mean APCER inside the BPCER bound', () => {
    // 0.7 stops every print and half the screens (mean APCER 1/4) and rejects one bona fide capture in four; 0.75
    // would reject half of them.
    expect(chooseThresholds(scores, ['liveness'], 0.25).thresholds).toEqual({ liveness: 0.7 });
    // With no bona fide rejection allowed, the lowest bona fide score is the highest threshold left: it still stops
    // two prints of four, though no screen.
    const strict = chooseThresholds(scores, ['liveness'], 0);
    expect(strict.thresholds).toEqual({ liveness: 0.4 });
    expect(strict.rates.attacks.print.apcer).toBe(0.25);
    expect(strict.rates.apcerWorst).toBe(1);
  });

  it('finds where BPCER and APCER cross: nowhere above zero when the scores separate', () => {
    const separable = scores.filter((s) => s.presentation !== 'bonaFide' || (s.liveness ?? 0) > 0.76);
    expect(equalErrorRate(separable, 'liveness')).toEqual({ threshold: 0.8, eer: 0 });
    expect(equalErrorRate(scores, 'liveness').eer).toBeGreaterThan(0);
  });
});
