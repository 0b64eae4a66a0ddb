/**
 * The MRZ reader: finds the machine-readable zone in a document image (scan or phone photo), reads
 * it with tesseract.js and a legacy-engine OCR-B model shipped in assets/ocr (no download, ever), and
 * checks and repairs it with the MRZ engine. No HTTP, no database.
 */
export { createMrzReader } from './reader.js';
export type { MrzReader, MrzReading } from './types.js';
