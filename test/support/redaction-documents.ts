import sharp, { type OverlayOptions } from 'sharp';
import { parseMrz } from '../../src/engines/mrz/index.js';
import { scanScale } from './synthetic/capture.js';
import { generateDocument } from './synthetic/generate.js';
import { text } from './synthetic/svg-parts.js';
import type { Box } from '../../src/redaction/boxes.js';

/** A clean synthetic passport data page, with where each redactable field is (ground truth). */
export interface RedactionDocument {
  /** Lossless PNG, so a test can compare every pixel outside the painted boxes. */
  png: Buffer;
  width: number;
  height: number;
  /** The MRZ characters. */
  mrz: Box;
  /** The portrait area of the page (the real face pasted there, when one was given). */
  portrait: Box;
  /** The inked pixels of the printed surname (the generator's first field right of the portrait). */
  surname: Box;
  /** The inked pixels of the printed personal number, when it was printed. */
  printedNumber?: Box;
  personalNumber: string;
}

/** Seeds whose TD3 MRZ holds a personal number (the generator leaves it empty on about half). */
export const seedsWithPersonalNumber = [9, 17, 22] as const;

const millimetres = (value: number) => value * scanScale;

/**
 * A clean TD3 page of the generator with, optionally, a real face pasted on its portrait and the MRZ's
 * personal number printed as a labelled field under the others (the generator prints neither). The
 * generator's clean capture puts the page upright at the same margin on every side, at 300 dpi.
 */
export async function redactionDocument(
  seed: number,
  options: { face?: Buffer; printNumber?: boolean } = {},
): Promise<RedactionDocument> {
  const page = await generateDocument({ seed, quality: 'clean', format: 'TD3' });
  const fields = parseMrz(page.lines).fields;
  const personalNumber = (fields?.personalNumber ?? '').replace(/</g, '');
  const margin = (page.width - Math.round(millimetres(125))) / 2;
  const at = (mm: number) => margin + millimetres(mm);
  const portrait = { x: at(5), y: at(15), width: millimetres(32), height: millimetres(41) };
  const layers: OverlayOptions[] = [];
  if (options.face) {
    const photo = await sharp(options.face)
      .rotate()
      .resize(Math.round(portrait.width), Math.round(portrait.height), { fit: 'cover', position: 'attention' })
      .toBuffer();
    layers.push({ input: photo, left: Math.round(portrait.x), top: Math.round(portrait.y) });
  }
  let printedNumber: Box | undefined;
  const svg = (content: string) =>
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}">${content}</svg>`,
    );
  if (options.printNumber) {
    const label = text(at(43), at(60.6), millimetres(1.5), 'PERSONAL No.', { colour: '#445' });
    const value = text(at(43), at(63.5), millimetres(2.7), personalNumber, { bold: true });
    printedNumber = await inkedBox(svg(value));
    layers.push({ input: svg(label + value), left: 0, top: 0 });
  }
  // Drawn again exactly as document-svg.ts draws it, to measure its ink.
  const surname = await inkedBox(
    svg(text(at(43), at(16.5) + millimetres(2.7) * 1.05, millimetres(2.7), fields?.surname ?? '', { bold: true })),
  );
  const png = await sharp(page.image).composite(layers).png().toBuffer();
  return {
    png,
    width: page.width,
    height: page.height,
    mrz: page.mrzBox,
    portrait,
    surname,
    personalNumber,
    ...(printedNumber && { printedNumber }),
  };
}

/** The bounds of the pixels an SVG layer inks. */
async function inkedBox(svg: Buffer): Promise<Box> {
  const { data, info } = await sharp(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  let [left, top, right, bottom] = [info.width, info.height, -1, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if (data[(y * info.width + x) * 4 + 3]! === 0) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}
