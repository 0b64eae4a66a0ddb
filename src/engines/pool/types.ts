import type { FaceBox, FaceComparison } from '../face/types.js';
import type { Box, ImageChecks, TextBox } from '../image/types.js';
import type { MrzReading } from '../ocr/types.js';
import type { OcrWord } from '../ocr/words.js';
import type { ReadVisualZoneOptions, VizReading } from '../viz/types.js';

/** A face found on an image, without its embedding (which stays inside the engine). */
export interface FaceSummary {
  box: FaceBox;
  score: number;
  antispoof?: number;
  liveness?: number;
}

/**
 * The engines, as the verification backends use them. Implemented by a pool of worker threads, so that
 * OCR and face models never run on the event loop that serves the API.
 *
 * @example
 *   const engines = createEnginePool({ threads: 2 });
 *   const reading = await engines.readMrz(front);
 */
export interface Engines {
  readMrz(image: Buffer): Promise<MrzReading>;
  detectFaces(image: Buffer): Promise<FaceSummary[]>;
  portrait(image: Buffer): Promise<{ jpeg: Buffer; box: FaceBox; face: FaceSummary } | null>;
  compareFaces(reference: Buffer, probe: Buffer): Promise<FaceComparison>;
  /** `textBox`/`documentBox` narrow the character-pitch and glare measures to the text and the document. */
  checkImage(image: Buffer, regions?: ImageRegions): Promise<ImageChecks>;
  /** Every printed word with its box (English OCR), for redaction to find where a value is printed. */
  findWords(image: Buffer): Promise<OcrWord[]>;
  /** The printed fields of a data page, found with the help of the MRZ read on the document (engines/viz). */
  readVisualZone(image: Buffer, mrz: MrzReading, options?: ReadVisualZoneOptions): Promise<VizReading>;
  /**
   * A JPEG 2000 image (JP2 or J2K, e.g. a chip portrait) as PNG, or why it was refused: over the size
   * limits by its headers, truncated or corrupt.
   */
  decodeJpeg2000(image: Buffer): Promise<{ png: Buffer } | { refused: string }>;
  close(): Promise<void>;
}

export interface ImageRegions {
  textBox?: TextBox;
  documentBox?: Box;
}
