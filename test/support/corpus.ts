import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { specDir } from './spec-examples.js';

/**
 * The shared test corpus (real face photos and document specimens), read at test time only. Tests
 * that need it skip with a printed reason when it is absent.
 */
export const corpusDir = process.env.OPENASSURE_CORPUS ?? path.resolve(specDir, '../corpus');
export const corpusAvailable = (): boolean => existsSync(path.join(corpusDir, 'images/faces/faces.json'));

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
