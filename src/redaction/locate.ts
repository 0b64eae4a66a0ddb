import type { FaceSummary } from '../engines/pool/types.js';
import type { MrzReading } from '../engines/ocr/types.js';
import type { Box } from './boxes.js';
import { isLocatable, isPrintedField, printedFields, type LocatableField, type PrintedField } from './fields.js';
import { mrzCover } from './mrz-cover.js';
import { findPrinted } from './text-match.js';
import type { OcrWord } from '../engines/ocr/words.js';
import type { VizReading } from '../engines/viz/index.js';

/** What the engines measured on one image of the document. */
export interface ImageFindings {
  mrz: MrzReading;
  faces: FaceSummary[];
  /** Only read when a field needs a printed-text search. */
  words?: OcrWord[];
  /** Only read when a printed field is asked for and an MRZ was read on the document. */
  viz?: VizReading;
}

export interface Location {
  /** Boxes to cover, per image (same order as the findings), without margins. */
  boxes: Box[][];
  located: string[];
  /** The requested fields that could not be found, each with why (no personal data). */
  missing: { field: string; reason: string }[];
}

/** Whether the printed-text search is needed for these fields (it is the slow part). */
export const needsWords = (fields: readonly string[]): boolean => fields.includes('personalIdentificationNumber');

/** Whether the VIZ reader is needed for these fields. */
export const needsViz = (fields: readonly string[]): boolean => fields.some(isPrintedField);

/** The personal number the MRZ holds: TD3's personal number field, else the optional data. */
export function personalNumberOf(mrz: MrzReading): string | undefined {
  const fields = mrz.fields;
  if (!fields) return undefined;
  const number = (fields.personalNumber ?? fields.optionalData).replace(/[<\s]/g, '');
  return number.length > 0 ? number : undefined;
}

/** The MRZ band to cover, when the reader found one. */
const mrzBoxOf = (mrz: MrzReading): Box | undefined =>
  mrz.format !== 'unknown' && mrz.box ? mrzCover(mrz.box) : undefined;

/**
 * Decides what to cover on each image for the requested fields. A field is located only when every
 * place it shows could be found: the personal number needs both its MRZ band and its printed copy.
 */
export function locateFields(fields: readonly string[], images: readonly ImageFindings[]): Location {
  const boxes: Box[][] = images.map(() => []);
  const located: string[] = [];
  const missing: Location['missing'] = [];
  for (const field of new Set(fields)) {
    const found = isLocatable(field) ? locateOne(field, images) : 'this field cannot be located on a document';
    if (typeof found === 'string') {
      missing.push({ field, reason: found });
      continue;
    }
    found.forEach((list, i) => boxes[i]!.push(...list));
    located.push(field);
  }
  return { boxes, located, missing };
}

function locateOne(field: LocatableField, images: readonly ImageFindings[]): Box[][] | string {
  switch (field) {
    case 'photo': {
      const faces = images.map((image) => image.faces.map((face) => face.box));
      return faces.some((list) => list.length > 0) ? faces : 'no face was found on the document';
    }
    case 'mrz': {
      const bands = images.map((image) => [mrzBoxOf(image.mrz)].filter((box) => box !== undefined));
      return bands.some((list) => list.length > 0) ? bands : 'no machine-readable zone was found';
    }
    case 'personalIdentificationNumber':
      return locatePersonalNumber(images);
    default:
      return locatePrinted(field, images);
  }
}

/** Where the VIZ reader found each VIZ field that shows `field`; every one of them must be found. */
function locatePrinted(field: PrintedField, images: readonly ImageFindings[]): Box[][] | string {
  if (!images.some((image) => image.viz))
    return 'no machine-readable zone was read, so the printed fields cannot be placed';
  const boxes: Box[][] = images.map(() => []);
  for (const name of printedFields[field]) {
    let found = false;
    images.forEach((image, i) => {
      const printed = image.viz?.fields[name];
      if (!printed) return;
      // The upright bounds of the text: on a tilted page they hold its corners.
      boxes[i]!.push({ x: printed.box.x, y: printed.box.y, width: printed.box.width, height: printed.box.height });
      found = true;
    });
    if (!found) return `the printed ${name} was not found`;
  }
  return boxes;
}

function locatePersonalNumber(images: readonly ImageFindings[]): Box[][] | string {
  const withMrz = images.find((image) => mrzBoxOf(image.mrz) && image.mrz.fields);
  if (!withMrz) return 'no machine-readable zone was read, so the personal number is not known';
  if (!withMrz.mrz.valid) return 'the machine-readable zone could not be read reliably';
  const number = personalNumberOf(withMrz.mrz);
  if (!number) return 'the machine-readable zone holds no personal number';
  // The MRZ band holds the number too: it is covered whole (see docs/redaction.md).
  const bands = images.map((image) => [mrzBoxOf(image.mrz)].filter((box) => box !== undefined));
  const printed = images.map((image, i) => findPrinted(image.words ?? [], number, bands[i]));
  if (printed.every((list) => list.length === 0)) return 'the personal number was not found printed on the document';
  return images.map((_, i) => [...bands[i]!, ...printed[i]!]);
}
