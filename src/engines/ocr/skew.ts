import type { Field } from './grey.js';

/** Ink points of a text-response image, weighted by their strength. */
interface Ink {
  xs: Float32Array;
  ys: Float32Array;
  weights: Float32Array;
}

const maxPoints = 30_000;

function collectInk(field: Field, threshold: number): Ink {
  let count = 0;
  for (let i = 0; i < field.data.length; i++) if (field.data[i]! > threshold) count++;
  // Keeping every n-th point keeps the estimate's cost bounded on large, busy images.
  const stride = Math.max(1, Math.ceil(count / maxPoints));
  const size = Math.ceil(count / stride);
  const ink: Ink = { xs: new Float32Array(size), ys: new Float32Array(size), weights: new Float32Array(size) };
  let seen = 0;
  let n = 0;
  for (let y = 0; y < field.height; y++) {
    for (let x = 0; x < field.width; x++) {
      const v = field.data[y * field.width + x]!;
      if (v <= threshold) continue;
      if (seen++ % stride !== 0 || n >= size) continue;
      ink.xs[n] = x;
      ink.ys[n] = y;
      ink.weights[n] = v - threshold;
      n++;
    }
  }
  return ink;
}

/**
 * How sharply the ink falls into rows when projected across the direction `degrees` (clockwise,
 * image y down): text lines at that angle give tall narrow peaks, so the sum of squares is highest.
 */
function sharpness(ink: Ink, degrees: number, bins: Float64Array, offset: number): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  bins.fill(0);
  for (let i = 0; i < ink.xs.length; i++) {
    const r = Math.round(ink.ys[i]! * cos - ink.xs[i]! * sin) + offset;
    bins[r]! += ink.weights[i]!;
  }
  let score = 0;
  for (let i = 0; i < bins.length; i++) score += bins[i]! * bins[i]!;
  return score;
}

export interface SkewEstimate {
  /** Angle of the text lines in degrees, clockwise (image y down). */
  angle: number;
  /** Sharpness at that angle relative to the mean over the range searched: 1 means no structure. */
  contrast: number;
}

/** The angle of text lines in [from, to) degrees, searched coarse to fine. */
export function estimateSkew(field: Field, threshold: number, from = -45, to = 45, step = 2): SkewEstimate {
  const ink = collectInk(field, threshold);
  if (ink.xs.length < 50) return { angle: 0, contrast: 1 };
  const offset = field.width + 2;
  const bins = new Float64Array(field.width + field.height + 2 * offset);
  let best = from;
  let bestScore = -1;
  let total = 0;
  let count = 0;
  for (let a = from; a < to; a += step) {
    const score = sharpness(ink, a, bins, offset);
    total += score;
    count++;
    if (score > bestScore) [best, bestScore] = [a, score];
  }
  for (const fine of [step / 8, step / 64]) {
    const centre = best;
    for (let a = centre - 8 * fine; a <= centre + 8 * fine; a += fine) {
      const score = sharpness(ink, a, bins, offset);
      if (score > bestScore) [best, bestScore] = [a, score];
    }
  }
  return { angle: best, contrast: bestScore / (total / count) };
}
