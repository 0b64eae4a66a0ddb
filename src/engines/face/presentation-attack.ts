/**
 * The single-frame presentation-attack verdict on a face, from the two models human ships: `antispoof` (real face
 * vs photo of a photo or screen) and `liveness` (live face). The thresholds were chosen on simulated prints and
 * screen replays of the tuning half of the corpus identities (the lowest mean attack acceptance that rejects at most
 * 5% of bona fide captures) and measured on the other half (bench/pad, docs/presentation-attacks.md). They are weak:
 * on the held-out half they stop about a third of the attacks, most of them because no face is found at all, and
 * reject no bona fide capture. The anti-spoofing model did not separate the simulated attacks at any threshold that
 * keeps bona fide rejections under 5%, so its threshold is 0 (it must still have run). The previous 0.5 / 0.5
 * rejected 18-27% of the bona fide captures. Simulated attacks show how the models react to halftone, paper,
 * subpixel grids, bezels and glare; they cannot show how they react to a real attacker's printer, screen and camera.
 */
export const FACE_PAD_THRESHOLDS = { liveness: 0.28, antispoof: 0 } as const;

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
