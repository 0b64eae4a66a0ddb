import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir, corpusFile, sharedMaterial } from './shared-material.js';

export { corpusDir };

/**
 * The face photos of the shared test corpus, read at test time only. Tests that need them skip with a
 * printed reason when they are absent (and fail in CI: see shared-material.ts).
 */
export const corpusAvailable = (): boolean => sharedMaterial('the face corpus', corpusFile('images/faces/faces.json'));

interface FaceImage {
  file: string;
  identity: string;
  facesInImage: number;
}

/** Photos of one person (single-face photos only), in the corpus's order. */
export function facePhotos(identity: string): Buffer[] {
  const { images } = JSON.parse(readFileSync(path.join(corpusDir, 'images/faces/faces.json'), 'utf8')) as {
    images: FaceImage[];
  };
  return images
    .filter((image) => image.identity === identity && image.facesInImage === 1)
    .map((image) => readFileSync(path.join(corpusDir, image.file)));
}
