import type { FaceScore } from './face-scores.js';

/** The attack kinds simulated (ISO/IEC 30107-3 calls them presentation attack instrument species). */
export const ATTACK_KINDS = ['print', 'screen'] as const;

/** Accepts a capture as a live face, from its largest face's scores. */
export type Rule = (score: FaceScore) => boolean;

export interface ErrorRates {
  /** Bona fide captures with a face, and the share of them the rule rejected. */
  bonaFide: number;
  bpcer: number;
  /** Bona fide captures where no face was found (failure to acquire: not in BPCER). */
  bonaFideNoFace: number;
  /** Per attack kind: captures, share accepted, and how many had no face (rejected before the PAD rule). */
  attacks: Record<(typeof ATTACK_KINDS)[number], { count: number; apcer: number; noFace: number }>;
  /** The worst attack kind's APCER: what an attacker choosing the best instrument gets. */
  apcerWorst: number;
}

export function errorRates(scores: readonly FaceScore[], rule: Rule): ErrorRates {
  const bonaFide = scores.filter((s) => s.presentation === 'bonaFide');
  const withFace = bonaFide.filter((s) => s.faces > 0);
  const attacks = Object.fromEntries(
    ATTACK_KINDS.map((kind) => {
      const captures = scores.filter((s) => s.presentation === kind);
      // An attack where no face was found is not accepted: the verification fails without any face.
      const accepted = captures.filter((s) => s.faces > 0 && rule(s)).length;
      return [
        kind,
        {
          count: captures.length,
          apcer: captures.length ? accepted / captures.length : Number.NaN,
          noFace: captures.filter((s) => s.faces === 0).length,
        },
      ];
    }),
  ) as ErrorRates['attacks'];
  return {
    bonaFide: withFace.length,
    bpcer: withFace.length ? withFace.filter((s) => !rule(s)).length / withFace.length : Number.NaN,
    bonaFideNoFace: bonaFide.length - withFace.length,
    attacks,
    apcerWorst: Math.max(...ATTACK_KINDS.map((kind) => attacks[kind].apcer)),
  };
}

export type ScoreName = 'antispoof' | 'liveness';

/** Accepts when every named score is present and at or above its threshold. */
export function thresholdRule(thresholds: Partial<Record<ScoreName, number>>): Rule {
  return (score) =>
    Object.entries(thresholds).every(([name, threshold]) => {
      const value = score[name as ScoreName];
      return value !== undefined && value >= threshold!;
    });
}

/** Candidate thresholds: every observed score (a threshold between two observed values changes nothing). */
function candidates(scores: readonly FaceScore[], name: ScoreName): number[] {
  const values = scores.map((s) => s[name]).filter((v): v is number => v !== undefined);
  return [0, ...new Set(values)].sort((a, b) => a - b);
}

const meanApcer = (rates: ErrorRates): number =>
  ATTACK_KINDS.reduce((sum, kind) => sum + rates.attacks[kind].apcer, 0) / ATTACK_KINDS.length;

export interface Chosen {
  thresholds: Partial<Record<ScoreName, number>>;
  rates: ErrorRates;
}

/**
 * The thresholds with the lowest mean APCER over the attack kinds among those that reject at most `maxBpcer` of the
 * bona fide captures; ties go to the lower thresholds (fewer genuine users turned away). The mean, not the worst
 * kind: when one kind cannot be told from bona fide at all, the worst-kind APCER is the same at every threshold and
 * would throw away what the models do catch. Searches one score or both.
 */
export function chooseThresholds(scores: readonly FaceScore[], names: readonly ScoreName[], maxBpcer: number): Chosen {
  let best: Chosen | undefined;
  const grids = names.map((name) => candidates(scores, name));
  const visit = (index: number, thresholds: Partial<Record<ScoreName, number>>): void => {
    if (index === names.length) {
      const rates = errorRates(scores, thresholdRule(thresholds));
      if (rates.bpcer > maxBpcer) return;
      if (!best || meanApcer(rates) < meanApcer(best.rates)) best = { thresholds: { ...thresholds }, rates };
      return;
    }
    for (const value of grids[index]!) visit(index + 1, { ...thresholds, [names[index]!]: value });
  };
  visit(0, {});
  if (!best) throw new Error('no thresholds meet the BPCER bound (not even accepting everything)');
  return best;
}

/**
 * Equal error rate of one score: the threshold where BPCER and the worst-kind APCER cross, and the mean of the two
 * there.
 */
export function equalErrorRate(scores: readonly FaceScore[], name: ScoreName): { threshold: number; eer: number } {
  let best = { threshold: 0, eer: 1, gap: Number.POSITIVE_INFINITY };
  for (const threshold of candidates(scores, name)) {
    const rates = errorRates(scores, thresholdRule({ [name]: threshold }));
    const gap = Math.abs(rates.bpcer - rates.apcerWorst);
    if (gap < best.gap) best = { threshold, eer: (rates.bpcer + rates.apcerWorst) / 2, gap };
  }
  return { threshold: best.threshold, eer: best.eer };
}
