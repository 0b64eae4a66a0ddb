import sharp from 'sharp';
import { apply, bounds, homography, rectQuad, type Quad } from '../../../src/engines/ocr/geometry.js';
import { useTestFonts } from '../fonts/use-test-fonts.js';
import { planShot, shoot, type SyntheticQuality } from './capture.js';
import { documentSvg } from './document-svg.js';
import { randomHolder } from './holder.js';
import { mrzLines, type SyntheticFormat } from './mrz-text.js';
import { createRandom } from './random.js';

export type { SyntheticFormat, SyntheticQuality };

// Benchmarks and scripts render documents outside vitest, which sets this up for the tests.
useTestFonts();

export interface SyntheticDocument {
  seed: number;
  format: SyntheticFormat;
  quality: SyntheticQuality;
  /** The MRZ printed on the document: every check digit holds. */
  lines: string[];
  /** PNG (clean) or JPEG (scan, photo). */
  image: Buffer;
  width: number;
  height: number;
  /** Corners of the MRZ characters in the image, clockwise from the top left of the first line. */
  mrzCorners: Quad;
  /** Bounds of those corners, and the angle of the MRZ lines in degrees (clockwise, image y down). */
  mrzBox: { x: number; y: number; width: number; height: number; angle: number };
}

export interface GenerateOptions {
  seed: number;
  quality: SyntheticQuality;
  /** Chosen from the seed when absent. */
  format?: SyntheticFormat;
  /** Dates on the document are relative to this day (default 2026-01-01, to stay reproducible). */
  today?: Date;
}

const millimetres: Record<SyntheticFormat, [number, number]> = { TD1: [85.6, 54], TD2: [105, 74], TD3: [125, 88] };
const documentCodes: Record<SyntheticFormat, string[]> = {
  TD1: ['I<', 'ID', 'IR', 'AC'],
  TD2: ['I<', 'ID', 'IR'],
  TD3: ['P<', 'P<', 'PD', 'PO'],
};

/**
 * A synthetic identity document with a valid random MRZ in OCR-B, captured at a quality level.
 * The same options always give the same image (in `OCR B`, shipped in test/support/fonts, and
 * `DejaVu Sans`, Debian's fonts-dejavu-core).
 */
export async function generateDocument(options: GenerateOptions): Promise<SyntheticDocument> {
  const random = createRandom(options.seed);
  const format = options.format ?? random.pick(['TD1', 'TD2', 'TD3'] as const);
  const holder = randomHolder(random, options.today ?? new Date(Date.UTC(2026, 0, 1)));
  const lines = mrzLines(format, holder, random.pick(documentCodes[format]));
  const [widthMm, heightMm] = millimetres[format];
  const shot = planShot(random, options.quality, widthMm, heightMm);
  const flat = documentSvg(random, format, holder, lines, shot.scale);
  const raster = await sharp(Buffer.from(flat.svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const document = {
    width: raster.info.width,
    height: raster.info.height,
    channels: 4,
    data: new Uint8Array(raster.data.buffer, raster.data.byteOffset, raster.data.length),
  };
  const image = await shoot(random, shot, document);
  const toImage = homography(rectQuad(0, 0, document.width, document.height), shot.corners);
  const mrzCorners = rectQuad(flat.mrz.x, flat.mrz.y, flat.mrz.width, flat.mrz.height).map((p) =>
    apply(toImage, p),
  ) as Quad;
  const [topLeft, topRight] = mrzCorners;
  return {
    seed: options.seed,
    format,
    quality: options.quality,
    lines,
    image,
    width: shot.canvas.width,
    height: shot.canvas.height,
    mrzCorners,
    mrzBox: {
      ...bounds(mrzCorners),
      angle: (Math.atan2(topRight.y - topLeft.y, topRight.x - topLeft.x) * 180) / Math.PI,
    },
  };
}
