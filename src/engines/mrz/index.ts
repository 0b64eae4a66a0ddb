/**
 * The MRZ engine: pure functions over text (no I/O). Parsing and checking of ICAO 9303 zones, OCR
 * repair for the reader in engines/ocr, and ICAO transliteration of names.
 */
export { parseMrz } from './parse.js';
export { checkDigit } from './check-digit.js';
export { isKnownMrzCountry } from './countries.js';
export { repairByPosition, repairMrz } from './repair.js';
export { lookalikesOf } from './lookalikes.js';
export { compensatingRival } from './compensating.js';
export type { Layout } from './layouts.js';
export { evaluateChecks } from './checks.js';
export { transliterate } from './transliteration/transliterate.js';
export { toMrzName } from './transliteration/mrz-name.js';
export type { MrzChecks, MrzFields, MrzFormat, MrzParse, MrzValidation } from './types.js';
