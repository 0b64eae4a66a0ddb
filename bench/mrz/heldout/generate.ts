import sharp from 'sharp';
import { useTestFonts } from '../../../test/support/fonts/use-test-fonts.js';
import { drawCard } from './card.js';
import { develop, expose, planCapture, type HeldoutQuality } from './capture.js';
import { heldoutMrz, type HeldoutFamily } from './mrz.js';
import { draw } from './random.js';
import { surfaceSvg } from './scene.js';
import { project, projective, warpOnto } from './warp.js';

export type { HeldoutFamily, HeldoutQuality };

// The OCR-B font shipped for tests, through fontconfig, before the first text is laid out.
useTestFonts();

/**
 * Two parts of every family and quality, each its own seed range, fixed here: the reader may be
 * tuned on the first; the second is read only to report a change that is final.
 */
export type Part = 'tuning' | 'heldout';
const firstSeed: Record<Part, number> = { tuning: 1, heldout: 500_001 };
const families: HeldoutFamily[] = ['td1', 'td3'];
const qualities: HeldoutQuality[] = ['clean', 'scan', 'photo', 'harsh'];

/** The seeds of a part: `count` of them, the same every run. */
export const seedsOf = (part: Part, count: number): number[] =>
  Array.from({ length: count }, (_, i) => firstSeed[part] + i);

export interface HeldoutDocument {
  lines: string[];
  image: Buffer;
}

const millimetres: Record<HeldoutFamily, [number, number]> = { td1: [85.6, 54], td3: [125, 88] };

/**
 * One document of the held-out generator: a family (ID card or passport page), a capture quality,
 * a seed. The stream of random numbers depends on all three, so no two sets share a document.
 */
export async function heldoutDocument(
  family: HeldoutFamily,
  quality: HeldoutQuality,
  seed: number,
): Promise<HeldoutDocument> {
  const random = draw(seed * 16 + families.indexOf(family) * 4 + qualities.indexOf(quality));
  const lines = heldoutMrz(random, family);
  const [wMm, hMm] = millimetres[family];
  const plan = planCapture(random, quality, wMm, hMm);
  const card = drawCard(random, family, lines, plan.px, plan.glare);
  const cardPixels = await sharp(Buffer.from(card.svg)).ensureAlpha().raw().toBuffer();
  const { width, height } = plan.canvas;
  const surface = await sharp(Buffer.from(surfaceSvg(random, plan.surface, width, height)))
    .removeAlpha()
    .raw()
    .toBuffer();
  const canvas = { width, height, data: new Uint8Array(surface.buffer, surface.byteOffset, surface.length) };
  const corners = plan.place(card.width, card.height);
  warpOnto(canvas, { width: card.width, height: card.height, data: new Uint8Array(cardPixels) }, corners);
  const toCanvas = projective(
    [
      { x: 0, y: 0 },
      { x: card.width, y: 0 },
      { x: card.width, y: card.height },
      { x: 0, y: card.height },
    ],
    corners,
  );
  const bandCentre = project(toCanvas, { x: card.band.x + card.band.width / 2, y: card.band.y + card.band.height / 2 });
  expose(random, plan, canvas.data, bandCentre);
  return { lines, image: await develop(plan, canvas.data) };
}
