import sharp from 'sharp';
import { centredFrame, resample, toSource, type Frame } from '../ocr/frame.js';
import { bounds } from '../ocr/geometry.js';
import type { Field, Grey } from '../ocr/grey.js';
import { closing } from '../ocr/morphology.js';
import type { MrzFormat } from '../mrz/index.js';
import type { MrzGeometry } from './mrz-geometry.js';
import type { VizBox } from './types.js';

/** Pixels per millimetre the page is redrawn at: 2.5 mm print becomes 30 px, what the LSTM model reads best. */
const pagePixelsPerMm = 12;
/** The largest page drawn, in pixels (a whole TD1 front at 12 px/mm is about 1030 x 650). */
const maxPagePixels = 3_000_000;

/** ICAO 9303 sizes in millimetres, by MRZ format (visas are printed on a TD3 passport page). */
const documentMm: Partial<Record<MrzFormat, { width: number; height: number }>> = {
  TD1: { width: 85.6, height: 54 },
  TD2: { width: 105, height: 74 },
  TD3: { width: 125, height: 88 },
};

/** A page redrawn level at `pagePixelsPerMm`, and how its pixels map back to the source image. */
export interface Page {
  png: Buffer;
  frame: Frame;
}

/** Wider than a printed stroke at the page's scale (bold 3 mm print: about 5 px), narrower than a shadow. */
const paperRadius = 10;
/** Ink darker than this fraction of the paper around it is black, lighter than `faint` is paper. */
const [dark, faint] = [0.45, 0.75];

/**
 * Printed values are the darkest marks of a data page; guilloche, tints and security print are lighter.
 * So the paper level is measured around every pixel (a grey closing fills the strokes in), each pixel
 * is divided by it (shadows and uneven light cancel out), and the ratio is stretched so that faint
 * marks become paper and text becomes black, keeping grey edges for the OCR.
 */
function flatten(field: Field): Buffer {
  const paper = closing(field, paperRadius, paperRadius);
  const bytes = Buffer.alloc(field.width * field.height);
  for (let i = 0; i < bytes.length; i++) {
    const ratio = field.data[i]! / Math.max(1, paper.data[i]!);
    bytes[i] = Math.round(255 * Math.min(1, Math.max(0, (ratio - dark) / (faint - dark))));
  }
  return bytes;
}

async function draw(image: Grey, frame: Frame): Promise<Page> {
  const field = resample(image, frame, 255);
  const png = await sharp(flatten(field), { raw: { width: field.width, height: field.height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, frame };
}

/**
 * The data page above the MRZ, level and at a known scale: ICAO centres the MRZ on the document's
 * width and puts it at the bottom edge, so the MRZ's centre, direction and character pitch place the
 * whole page. A margin of a few millimetres all round absorbs the MRZ's own offsets and a slight keystone.
 */
export async function pageAboveMrz(image: Grey, geometry: MrzGeometry, format: MrzFormat): Promise<Page | undefined> {
  const size = documentMm[format] ?? documentMm.TD3!;
  const margin = 6;
  const pixelsPerMm = geometry.pixelsPerMm;
  const mrzHalfMm = geometry.height / pixelsPerMm / 2;
  // From just above the MRZ's first line up to beyond the document's top edge.
  const heightMm = size.height - 2 * mrzHalfMm + margin;
  // The MRZ's pitch gives the scale within a few per cent: wider margins at the sides, where text runs to the edge.
  const widthMm = size.width * 1.08 + 2 * margin;
  const up = (heightMm / 2 + mrzHalfMm + 0.5) * pixelsPerMm;
  const radians = (geometry.angle * Math.PI) / 180;
  const centre = { x: geometry.centre.x + Math.sin(radians) * up, y: geometry.centre.y - Math.cos(radians) * up };
  const width = Math.round(widthMm * pagePixelsPerMm);
  const height = Math.round(heightMm * pagePixelsPerMm);
  if (width * height > maxPagePixels) return undefined;
  return draw(image, centredFrame(centre, geometry.angle, pixelsPerMm / pagePixelsPerMm, width, height));
}

/**
 * A whole image (the front of a TD1 card, whose MRZ is on the back) redrawn at `pagePixelsPerMm`,
 * assuming both sides were captured at the same scale (`pixelsPerMm`, measured on the back).
 */
export async function wholeImage(image: Grey, pixelsPerMm: number | undefined, turn: 0 | 180 = 0): Promise<Page> {
  let pixel = pixelsPerMm === undefined ? 1 : pixelsPerMm / pagePixelsPerMm;
  const area = (image.width / pixel) * (image.height / pixel);
  if (area > maxPagePixels) pixel *= Math.sqrt(area / maxPagePixels);
  const width = Math.round(image.width / pixel);
  const height = Math.round(image.height / pixel);
  return draw(image, centredFrame({ x: image.width / 2, y: image.height / 2 }, turn, pixel, width, height));
}

/** A box of the page (pixels of its PNG) in source pixels. */
export function sourceBox(page: Page, x0: number, y0: number, x1: number, y1: number): VizBox {
  const corners = [
    toSource(page.frame, x0, y0),
    toSource(page.frame, x1, y0),
    toSource(page.frame, x1, y1),
    toSource(page.frame, x0, y1),
  ].map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })) as VizBox['corners'];
  const { x, y, width, height } = bounds(corners);
  return { x, y, width, height, corners };
}
