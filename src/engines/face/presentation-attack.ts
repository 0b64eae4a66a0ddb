/**
 * The single-frame presentation-attack verdict on a face, from the two models human ships: `antispoof` (real face
 * vs photo of a photo or screen) and `liveness` (live face). Both thresholds were chosen on simulated prints and
 * screen replays of the tuning half of the corpus identities and checked on the other half (bench/pad,
 * docs/PRESENTATION-ATTACKS.md). Simulated attacks show how the models react to halftone, paper, subpixel grids,
 * bezels and glare; they cannot show how they react to a real attacker's printer, screen and camera.
 */
export const FACE_PAD_THRESHOLDS = { liveness: 0.5, antispoof: 0.5 } as const;

export interface FacePadScores {
  antispoof?: number;
  liveness?: number;
}

/**
 * True when both models score the face at or above their thresholds, false when either is below, undefined when a
 * model gave no score (no face, or the model did not run): no verdict is better than a guessed one.
 */
export function looksLive(scores: FacePadScores): boolean | undefined {
  const { antispoof, liveness } = scores;
  if (antispoof === undefined || liveness === undefined) return undefined;
  return antispoof >= FACE_PAD_THRESHOLDS.antispoof && liveness >= FACE_PAD_THRESHOLDS.liveness;
}
