import type { FaceEngine } from '../face/types.js';
import type { ImageCheck } from './types.js';

/** At least one face: a document without a detectable portrait, or a selfie without a face, fails. */
const MIN_FACES = 1;

export async function facePresentCheck(image: Buffer, engine: FaceEngine): Promise<ImageCheck> {
  const faces = await engine.detect(image);
  return { value: faces.length, passed: faces.length >= MIN_FACES, threshold: MIN_FACES };
}
