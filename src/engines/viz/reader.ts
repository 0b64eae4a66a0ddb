import { decodeGrey } from '../ocr/grey.js';
import type { MrzReading } from '../ocr/types.js';
import { readFields } from './fields.js';
import { measureMrz } from './mrz-geometry.js';
import { pageAboveMrz, sourceBox, wholeImage, type Page } from './page.js';
import { createWordOcr, type WordOcr } from '../ocr/words.js';
import { readLines, type OcrTextLine } from './text-ocr.js';
import { vizFieldNames, type ReadVisualZoneOptions, type VizFields, type VizReader, type VizReading } from './types.js';

/**
 * Creates a VIZ reader on an English word OCR (`engines/ocr/words.ts`): the one given, shared with other
 * users of the same thread, or its own. Each read places the data page from the MRZ's geometry,
 * redraws it level at a fixed scale, OCRs it and looks for the values the MRZ holds (see fields.ts).
 */
export async function createVizReader(shared?: WordOcr): Promise<VizReader> {
  const ocr = shared ?? (await createWordOcr());
  return {
    async read(image, mrz, options = {}) {
      return readWith(image, mrz, options, (page) => readLines(ocr, page.png));
    },
    // A shared OCR belongs to whoever made it.
    close: async () => {
      if (!shared) await ocr.close();
    },
  };
}

/** The reading of an image on which nothing could be read, saying why. */
const nothing = (problem: string, started: number): VizReading => ({
  fields: {},
  missing: [...vizFieldNames],
  problems: [problem],
  ms: Math.round(performance.now() - started),
});

/**
 * A scale for the other side of a card from the MRZ box on this one: the box spans the MRZ's characters
 * at 2.54 mm each, plus a margin of about a character height at each end.
 */
function scaleFromBox(mrz: MrzReading): number | undefined {
  const box = mrz.box;
  const characters = mrz.lines[0]?.length;
  if (!box || !characters) return undefined;
  return Math.max(box.width, box.height) / (characters * 2.54 + 4);
}

/** Whether the MRZ cut the names short: its names field runs to the end of the line, no filler left. */
function namesTruncated(mrz: MrzReading): boolean {
  const line = mrz.format === 'TD1' ? mrz.lines[2] : mrz.lines[0];
  return line !== undefined && !line.endsWith('<');
}

/** A page turned by 180 degrees about the same point: what lies "above" the MRZ the other way up. */
type PageAt = (turn: 0 | 180) => Promise<Page | undefined>;

/** Fields found by resemblance to the MRZ: how sure a reading is that it read the right way up. */
const hinted = (fields: VizFields): number =>
  Object.values(fields).filter((field) => field.foundBy === 'mrz-hint').length;

/**
 * Reads the visual zone of `image` given the MRZ read on it (or on the other side of the card). The MRZ
 * reader's angle does not always say which way up the document is (a band read upside down may report
 * 0 degrees), so when the page read shows fewer than two of the MRZ's values, it is read again turned
 * by 180 degrees and the better reading is kept.
 */
async function readWith(
  image: Buffer,
  mrz: MrzReading,
  options: ReadVisualZoneOptions,
  recognize: (page: Page) => Promise<OcrTextLine[]>,
): Promise<VizReading> {
  const started = performance.now();
  const mrzFields = mrz.fields;
  if (!mrzFields) return nothing('no MRZ reading to look for', started);
  const grey = await decodeGrey(image);
  let pageAt: PageAt;
  if (options.mrzOnImage === false) {
    const scale = options.pixelsPerMm ?? scaleFromBox(mrz);
    pageAt = (turn) => wholeImage(grey, scale, turn);
  } else {
    if (!mrz.box) return nothing('the MRZ has no position on this image', started);
    const geometry = measureMrz(grey, mrz.box, mrz.lines[0]?.length ?? 44);
    if (!geometry) return nothing('the MRZ characters could not be measured', started);
    pageAt = (turn) => pageAboveMrz(grey, { ...geometry, angle: geometry.angle + turn }, mrz.format);
  }
  let best: { page: Page; fields: VizFields; problems: string[] } | undefined;
  for (const turn of [0, 180] as const) {
    const page = await pageAt(turn);
    if (!page) return nothing('the data page would be larger than the image allows', started);
    const lines = await recognize(page);
    const problems: string[] = [];
    if (lines.length === 0) problems.push('no text found on the data page');
    const fields = readFields(lines, page, mrzFields, vizFieldNames, problems, { namesTruncated: namesTruncated(mrz) });
    if (!best || hinted(fields) > hinted(best.fields)) best = { page, fields, problems };
    if (hinted(best.fields) >= 2) break;
  }
  const { page, fields, problems } = best!;
  return {
    fields,
    missing: vizFieldNames.filter((name) => !fields[name]),
    page: sourceBox(page, 0, 0, page.frame.width, page.frame.height),
    problems,
    ms: Math.round(performance.now() - started),
  };
}
