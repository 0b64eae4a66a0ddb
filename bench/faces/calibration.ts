/**
 * Error rates of a similarity threshold over labelled pairs, as used to calibrate thresholds.ts (bench/faces).
 * A pair is accepted when its similarity is >= the threshold.
 */

export interface ScoredPair {
  similarity: number;
  same: boolean;
}

export interface Rates {
  threshold: number;
  /** False-accept rate: share of different-person pairs accepted. */
  far: number;
  /** False-reject rate: share of same-person pairs rejected. */
  frr: number;
  falseAccepts: number;
  impostors: number;
  falseRejects: number;
  genuines: number;
}

export function ratesAt(pairs: readonly ScoredPair[], threshold: number): Rates {
  let falseAccepts = 0;
  let impostors = 0;
  let falseRejects = 0;
  let genuines = 0;
  for (const pair of pairs) {
    const accepted = pair.similarity >= threshold;
    if (pair.same) {
      genuines++;
      if (!accepted) falseRejects++;
    } else {
      impostors++;
      if (accepted) falseAccepts++;
    }
  }
  return {
    threshold,
    far: impostors === 0 ? 0 : falseAccepts / impostors,
    frr: genuines === 0 ? 0 : falseRejects / genuines,
    falseAccepts,
    impostors,
    falseRejects,
    genuines,
  };
}

/** The ROC: rates at every distinct similarity (each one a threshold), ascending. */
export function rocCurve(pairs: readonly ScoredPair[]): Rates[] {
  const thresholds = [...new Set(pairs.map((p) => p.similarity))].sort((a, b) => a - b);
  return [...thresholds, Number.POSITIVE_INFINITY].map((t) => ratesAt(pairs, t));
}

/**
 * The equal error rate: at the threshold where FAR and FRR are closest, their mean. On a finite set they rarely
 * meet exactly, so the two rates at that threshold are returned too.
 */
export function equalErrorRate(pairs: readonly ScoredPair[]): { eer: number; at: Rates } {
  let best: Rates | undefined;
  for (const rates of rocCurve(pairs)) {
    if (!best || Math.abs(rates.far - rates.frr) < Math.abs(best.far - best.frr)) best = rates;
  }
  if (!best) throw new RangeError('no pairs');
  return { eer: (best.far + best.frr) / 2, at: best };
}

/** Area under the ROC: the probability that a random same-person pair scores above a random different one. */
export function areaUnderCurve(pairs: readonly ScoredPair[]): number {
  const genuine = pairs.filter((p) => p.same).map((p) => p.similarity);
  const impostor = pairs.filter((p) => !p.same).map((p) => p.similarity);
  let wins = 0;
  for (const g of genuine) for (const i of impostor) wins += g > i ? 1 : g === i ? 0.5 : 0;
  return wins / (genuine.length * impostor.length);
}

/**
 * The lowest threshold whose measured FAR is at most `targetFar`, on a 0.001 grid (rounded up, so the bound holds
 * for the rounded value). With N impostor pairs, FARs below 1/N cannot be measured: the answer is then "just above
 * the highest impostor score", which says nothing about the real FAR.
 */
export function thresholdForFar(pairs: readonly ScoredPair[], targetFar: number): number {
  const impostors = pairs
    .filter((p) => !p.same)
    .map((p) => p.similarity)
    .sort((a, b) => b - a);
  const allowed = Math.floor(targetFar * impostors.length + 1e-9);
  const highestRejected = impostors[allowed];
  if (highestRejected === undefined) return 0;
  return gridAbove(highestRejected);
}

/** The smallest multiple of 0.001 strictly above `x` (compared as the rounded number a reader sees). */
function gridAbove(x: number): number {
  let step = Math.ceil(x * 1000);
  while (Math.round(step) / 1000 <= x) step++;
  return Math.round(step) / 1000;
}

/** Mean and (sample) standard deviation. */
export function meanAndDeviation(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Complementary error function with fractional error below 1.2e-7 everywhere (Chebyshev fit, Numerical Recipes
 * "erfcc"): relative precision matters here, because we read tails of 1e-6.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const value = t * Math.exp(poly);
  return x >= 0 ? value : 2 - value;
}

/** Upper tail of the standard normal: P(Z > z). */
export function normalTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

/** The z with normalTail(z) = p, by bisection (p in (0, 0.5]). */
export function normalTailInverse(p: number): number {
  if (!(p > 0 && p <= 0.5)) throw new RangeError('p must be in (0, 0.5]');
  let low = 0;
  let high = 40;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (normalTail(mid) > p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * A threshold for a FAR too small to measure, from an exponential fit of the impostor tail (peaks over threshold):
 * above u, the score exceeded by a share `tailShare` of impostors, P(S >= t) = tailShare * exp(-(t - u) / beta),
 * beta being the mean excess over u. It follows the observed tail rather than the bulk of the distribution, which
 * a normal fit describes but whose tail it underestimates here (bench/faces). Still an extrapolation.
 */
export function tailThreshold(pairs: readonly ScoredPair[], targetFar: number, tailShare = 0.05): number {
  const impostors = pairs
    .filter((p) => !p.same)
    .map((p) => p.similarity)
    .sort((a, b) => b - a);
  const tailCount = Math.max(2, Math.floor(tailShare * impostors.length));
  const u = impostors[tailCount]!;
  const excesses = impostors.slice(0, tailCount).map((s) => s - u);
  const beta = excesses.reduce((sum, e) => sum + e, 0) / excesses.length;
  const share = tailCount / impostors.length;
  return Math.ceil((u + beta * Math.log(share / targetFar)) * 1000) / 1000;
}

/**
 * A threshold for a FAR too small to measure, from a normal fit of the impostor scores: mean + z(FAR) * sd.
 * An extrapolation: real impostor tails are usually heavier than normal, so the real FAR is likely higher.
 */
export function extrapolatedThreshold(pairs: readonly ScoredPair[], targetFar: number): number {
  const { mean, sd } = meanAndDeviation(pairs.filter((p) => !p.same).map((p) => p.similarity));
  return Math.ceil((mean + normalTailInverse(targetFar) * sd) * 1000) / 1000;
}
