import type { MrzReading } from '../ocr/types.js';

/** The printed fields the reader looks for: the ones the MRZ also carries, so it can tell what to look for. */
export const vizFieldNames = [
  'surname',
  'givenNames',
  'documentNumber',
  'dateOfBirth',
  'dateOfExpiry',
  'nationality',
  'sex',
] as const;
export type VizFieldName = (typeof vizFieldNames)[number];

/** A point in pixels of the image as given to the reader (after EXIF orientation). */
export interface VizPoint {
  x: number;
  y: number;
}

/**
 * Where a field's text is, in pixels of the image as given (after EXIF orientation, as the MRZ box).
 * `x`, `y`, `width`, `height` bound the text upright in the image; on a tilted document `corners`
 * follow the text itself (clockwise from the top left of the text), so a redaction can cover exactly
 * the printed characters instead of the upright box around them.
 */
export interface VizBox {
  x: number;
  y: number;
  width: number;
  height: number;
  corners: [VizPoint, VizPoint, VizPoint, VizPoint];
}

/** How a printed date was understood. */
export type VizDateReading =
  /** A real calendar date: `value` is YYYY-MM-DD. */
  | 'valid'
  /** Day, month and year were read but make no real date (31 FEB): `value` is YYYY-MM-DD all the same. */
  | 'invalid'
  /** Not readable as a date: `value` is the text as read. */
  | 'unparsed';

/** One printed field as read from the image: never a value taken from the MRZ. */
export interface VizField {
  /** The characters read where the value is printed, as the OCR gave them. */
  text: string;
  /**
   * The value in the form a comparison needs: dates YYYY-MM-DD, sex M/F/X, names and codes upper case
   * with single spaces and without accents.
   */
  value: string;
  /** Dates only. */
  date?: VizDateReading;
  /** 0..1, the lowest OCR confidence of the words the value was read from. */
  confidence: number;
  box: VizBox;
  /** How the value was found: by resemblance to the MRZ value, or under (or beside) its printed label. */
  foundBy: 'mrz-hint' | 'label';
  /** Edits (Levenshtein) between `value` and the MRZ's value, both in comparison form. */
  distance: number;
  /** Whether the printed value is the MRZ's, allowing for OCR slips (see `tolerance` in compare.ts). */
  matchesMrz: boolean;
}

export type VizFields = Partial<Record<VizFieldName, VizField>>;

/** What the reader made of one image. */
export interface VizReading {
  /** Only the fields that were found; a field not printed, or not readable, is absent (never guessed). */
  fields: VizFields;
  /** The fields looked for and not found. */
  missing: VizFieldName[];
  /** The part of the image read as the data page, in image pixels; absent when none could be placed. */
  page?: VizBox;
  /** Why fields are missing or nothing was read (no personal data in here). */
  problems: string[];
  /** Time spent on this image, milliseconds. */
  ms: number;
}

export interface ReadVisualZoneOptions {
  /**
   * Whether `image` is the image the MRZ was read on (passports, TD2 cards), so the MRZ's position
   * places the data page; false for the front of a TD1 card, whose MRZ is on the back: the whole image
   * is read, at the scale the MRZ measured on the back.
   */
  mrzOnImage?: boolean;
  /** Source pixels per millimetre measured on the other side (TD1 fronts). */
  pixelsPerMm?: number;
}

/**
 * Reads the printed (visual inspection) zone of a document: places the data page from the MRZ the
 * MRZ reader found, OCRs it with Tesseract's English LSTM model, and looks for each value the MRZ
 * holds. Holds one OCR engine; reuse it for many images and close it when done.
 *
 * @example
 * const mrz = await mrzReader.read(image);
 * const viz = await vizReader.read(image, mrz);
 * viz.fields.surname?.matchesMrz; // true when the printed surname is the MRZ's
 */
export interface VizReader {
  read(image: Buffer, mrz: MrzReading, options?: ReadVisualZoneOptions): Promise<VizReading>;
  close(): Promise<void>;
}
