import { boxArea, toGray, type Box, type Gray, type PixelsLike } from './gray';
import { documentBox, frameDifference, glareShare, laplacianVariance, meanLuminance } from './measures';

/** What the person holding the camera should do next; 'ready' means the frame is good and steady. */
export type Guidance = 'no-document' | 'too-dark' | 'move-closer' | 'glare' | 'blurry' | 'hold-still' | 'ready';

export interface FrameMeasures {
  luminance: number;
  /** Null when no document-like edges were found. */
  box: Box | null;
  /** Share of the frame the document's box covers. */
  fill: number;
  sharpness: number;
  glare: number;
  /** Mean change since the previous frame; null for the first frame. */
  motion: number | null;
}

/**
 * Limits for a frame about 320 px wide. They are deliberately lenient: the server's own check has the final
 * word, and a guide that never says "ready" is worse than a photo the server asks to retake.
 */
export const LIMITS = {
  minLuminance: 55,
  minFill: 0.3,
  maxGlare: 0.04,
  /** Above this the whole document is burnt out: a white scan or an overexposed page, not a reflection. */
  washedOut: 0.5,
  minSharpness: 120,
  maxMotion: 5,
};

export function measureFrame(image: PixelsLike, previous: Gray | null): { gray: Gray; measures: FrameMeasures } {
  const gray = toGray(image);
  const box = documentBox(gray);
  const frameArea = gray.width * gray.height;
  return {
    gray,
    measures: {
      luminance: meanLuminance(gray),
      box,
      fill: box && frameArea > 0 ? boxArea(box) / frameArea : 0,
      sharpness: box ? laplacianVariance(gray, box) : 0,
      glare: box ? glareShare(gray, box) : 0,
      motion: previous ? frameDifference(previous, gray) : null,
    },
  };
}

/** The one thing to fix first, in the order a person can act on: light, distance, reflections, focus, stillness. */
export function guide(measures: FrameMeasures, options: { detectGlare: boolean }): Guidance {
  if (measures.luminance < LIMITS.minLuminance) return 'too-dark';
  if (!measures.box) return 'no-document';
  if (measures.fill < LIMITS.minFill) return 'move-closer';
  if (options.detectGlare && measures.glare > LIMITS.maxGlare && measures.glare < LIMITS.washedOut) return 'glare';
  if (measures.sharpness < LIMITS.minSharpness) return 'blurry';
  if (measures.motion === null || measures.motion > LIMITS.maxMotion) return 'hold-still';
  return 'ready';
}

/** Fires once after `required` consecutive ready frames; any other frame starts the count again. */
export class AutoCaptureTrigger {
  private streak = 0;
  private fired = false;

  constructor(private readonly required: number) {}

  observe(guidance: Guidance): boolean {
    if (this.fired) return false;
    this.streak = guidance === 'ready' ? this.streak + 1 : 0;
    if (this.streak < this.required) return false;
    this.fired = true;
    return true;
  }

  reset(): void {
    this.streak = 0;
    this.fired = false;
  }
}
