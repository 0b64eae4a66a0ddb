/** The 37 characters an MRZ may hold (ICAO 9303 Part 3): A-Z, 0-9 and the filler '<'. */
export const FILLER = '<';

/** Value of one MRZ character for check digits: digits as such, A=10 ... Z=35, '<'=0; null otherwise. */
export function characterValue(char: string): number | null {
  if (char === FILLER) return 0;
  if (char.length !== 1) return null;
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 90) return code - 55;
  return null;
}

/**
 * Lines as an MRZ reader should see them: one string per line, upper case, without the spaces an OCR
 * engine inserts, and without blank lines.
 */
export function normaliseLines(input: string | readonly string[]): string[] {
  const lines = typeof input === 'string' ? input.split(/\r\n|\r|\n/) : input;
  return lines.map((line) => line.replace(/\s+/g, '').toUpperCase()).filter((line) => line.length > 0);
}

/** Field text for people: fillers become single spaces, none at either end. */
export const readable = (text: string): string => text.replace(/<+/g, ' ').trim();

/** Document numbers and similar identifiers: fillers carry no meaning there, so they are dropped. */
export const withoutFillers = (text: string): string => text.replaceAll(FILLER, '');
