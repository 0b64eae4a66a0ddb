import type { MrzChecks, MrzFields, MrzFormat } from '../mrz/index.js';

/** Where the MRZ was found, in pixels of the image as given (after EXIF orientation). */
export interface MrzBox {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Direction of the MRZ lines, degrees clockwise from the image's x axis (180 when upside down). */
  angle: number;
}

/** What the reader made of one image. `valid: false` says the reading must not be trusted. */
export interface MrzReading {
  /** 'unknown' when no MRZ could be read at all. */
  format: MrzFormat;
  /** The MRZ lines as read and repaired; empty when nothing was read. */
  lines: string[];
  /** Null when nothing was read. */
  fields: MrzFields | null;
  /**
   * Every check digit holds after repair, the repair was the only one that fits, and the characters no
   * check digit protects (names, nationality, sex) were read with confidence.
   */
  valid: boolean;
  checks: MrzChecks;
  /** One per line, 0..1: the mean of the OCR's symbol confidences. */
  confidence: number[];
  /** Why the reading is not valid, or what the MRZ engine has to say about it. */
  problems: string[];
  box?: MrzBox;
  /** Height of the MRZ characters in the image as given, pixels (of the band the reading came from). */
  charHeight?: number;
  /** Time spent on this image, milliseconds. */
  ms: number;
}

/**
 * Reads machine-readable zones from document images (scans and phone photos). Holds one OCR engine;
 * reuse it for many images and close it when done. Reads one image at a time, on one core.
 *
 * @example
 * const reader = await createMrzReader();
 * const reading = await reader.read(await readFile('passport.jpg'));
 * if (reading.valid) console.log(reading.fields?.documentNumber);
 * await reader.close();
 */
export interface MrzReader {
  /** Rejects only when the bytes are not an image; an image without an MRZ gives format 'unknown'. */
  read(image: Buffer): Promise<MrzReading>;
  close(): Promise<void>;
}

export interface MrzReaderOptions {
  /** Folder holding mrz.traineddata (default: the project's assets/ocr). */
  modelDir?: string;
  /** YYYY-MM-DD for date centuries and validation (default: today, UTC). */
  today?: string;
  /** Located bands to try per image, best first (default 3). */
  maxCandidates?: number;
  /** See InterpretOptions.minUncheckedConfidence (default 0.5). */
  minUncheckedConfidence?: number;
}
