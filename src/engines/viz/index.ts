/**
 * The VIZ reader: the printed fields of a document's data page (visual inspection zone), found with
 * the help of the MRZ read on the same document and compared with it. tesseract.js with the English
 * LSTM model of `@tesseract.js-data/eng` (no download, ever). No HTTP, no database.
 */
export { createVizReader } from './reader.js';
export { vizFieldNames } from './types.js';
export type { ReadVisualZoneOptions, VizField, VizFieldName, VizReader, VizReading } from './types.js';
