import { readFileSync } from 'node:fs';
import type { CorpusImage } from '../faces/corpus.js';
import { cameraCapture, placeInScene } from './capture.js';
import { printedPhoto, screenReplay } from './media.js';
import { hashString, seededRandom } from './random.js';
import { decodeRaster } from './raster.js';

export type Split = 'tuning' | 'heldOut';
export type Presentation = 'bonaFide' | 'print' | 'screen';

export interface FaceSample {
  file: string;
  identity: string;
  split: Split;
  presentation: Presentation;
  seed: number;
  jpeg: Buffer;
}

/** Identities, not images, are split: a held-out face was never seen while choosing thresholds. */
export function splitOf(identity: string): Split {
  return hashString(`pad-split:${identity}`) % 2 === 0 ? 'tuning' : 'heldOut';
}

/** Separate seed ranges: the held-out attacks are other draws of the simulation than the tuning ones. */
const SEED_BASE: Record<Split, number> = { tuning: 1_000_000, heldOut: 7_000_000 };

/** Captures of each kind per corpus image. */
export const CAPTURES_PER_KIND = 1;

/**
 * Bona fide = the corpus photo taken by the simulated camera (the person in front of it); attacks = the same photo
 * printed or shown on a screen, then taken by the same simulated camera.
 */
export async function* faceSamples(images: readonly CorpusImage[]): AsyncGenerator<FaceSample> {
  for (const image of images) {
    const split = splitOf(image.identity);
    const photo = await decodeRaster(readFileSync(image.path), 1200);
    for (const presentation of ['bonaFide', 'print', 'screen'] as const) {
      for (let k = 0; k < CAPTURES_PER_KIND; k++) {
        const seed = SEED_BASE[split] + (hashString(`${image.file}:${presentation}:${k}`) % 1_000_000);
        const random = seededRandom(seed);
        const scene =
          presentation === 'bonaFide'
            ? photo
            : await placeInScene(
                presentation === 'print' ? await printedPhoto(photo, random) : await screenReplay(photo, random),
                random,
              );
        const jpeg = await cameraCapture(scene, random);
        yield { file: image.file, identity: image.identity, split, presentation, seed, jpeg };
      }
    }
  }
}
