import type { Engines } from '../engines/pool/types.js';
import type { Step } from '../capture/session-view.js';

/** What the end-user is told about an image the checks refused (the capture app words each one). */
export type CaptureProblem =
  | 'unreadable'
  | 'low-resolution'
  | 'blurry'
  | 'glare'
  | 'too-dark'
  | 'mrz-not-found'
  | 'face-not-found'
  | 'several-faces';

export type CaptureCheckEngines = Pick<Engines, 'checkImage' | 'readMrz' | 'detectFaces'>;

export interface CheckContext {
  /** The side of the chosen document that carries its MRZ, if it has one. */
  mrzSide: 'front' | 'back' | undefined;
  /** Whether glare counts (the configuration's `detectGlare` for how the image was taken). */
  glare: boolean;
}

/**
 * Checks an image the end-user took, with the same engines the verification uses, so that an image
 * the verification would reject is asked for again while the end-user is still there. The checks run
 * side by side in the engine pool; their verdicts are the engines' own calibrated thresholds.
 */
export async function captureProblems(
  engines: CaptureCheckEngines,
  image: Buffer,
  step: Step,
  context: CheckContext,
): Promise<CaptureProblem[]> {
  if (step === 'selfie') {
    const faces = await engines.detectFaces(image).catch(() => undefined);
    if (faces === undefined) return ['unreadable'];
    return faces.length === 0 ? ['face-not-found'] : faces.length > 1 ? ['several-faces'] : [];
  }
  const [checks, mrz] = await Promise.all([
    engines.checkImage(image).catch(() => undefined),
    context.mrzSide === step ? engines.readMrz(image).catch(() => undefined) : Promise.resolve(undefined),
  ]);
  if (!checks) return ['unreadable'];
  const problems: CaptureProblem[] = [];
  if (!checks.resolution.passed) problems.push('low-resolution');
  if (!checks.blur.passed) problems.push('blurry');
  if (context.glare && !checks.glare.passed) problems.push('glare');
  if (!checks.brightness.passed) problems.push('too-dark');
  if (context.mrzSide === step && (mrz === undefined || mrz.lines.length === 0)) problems.push('mrz-not-found');
  return problems;
}
