import { levenshteinDistance } from '../../core/levenshtein.js';
import type { VizDateReading } from './types.js';

/** Upper case, accents dropped, anything but letters and digits turned into single spaces. */
export function comparable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/** Letters and digits only: document numbers are printed with or without spaces. */
export const compact = (text: string): string => comparable(text).replace(/ /g, '');

/**
 * Edits a printed value may differ from the MRZ's and still be the same value read with OCR slips:
 * one per five characters, at least one, none in values of three characters or fewer (one edit there
 * makes another name or code). Upstream's own accepted example shows a LEVENSHTEIN1 field.
 */
export const tolerance = (length: number): number => (length <= 3 ? 0 : Math.max(1, Math.floor(length / 5)));

export const distance = levenshteinDistance;

/** The stretch of `text` that is closest to `pattern` (free start and end in `text`), and its distance. */
export interface Alignment {
  start: number;
  end: number;
  distance: number;
}

/** Semi-global edit distance: `pattern` whole against the best substring of `text`. */
export function alignIn(text: string, pattern: string): Alignment | undefined {
  const n = text.length;
  const m = pattern.length;
  if (m === 0 || n === 0) return undefined;
  // cost[j][i]: pattern[0..j) against a substring of text ending at i; start[j][i] where it began.
  let cost = new Uint32Array(n + 1);
  let from = new Uint32Array(n + 1);
  for (let i = 0; i <= n; i++) from[i] = i;
  for (let j = 1; j <= m; j++) {
    const nextCost = new Uint32Array(n + 1);
    const nextFrom = new Uint32Array(n + 1);
    nextCost[0] = j;
    nextFrom[0] = 0;
    for (let i = 1; i <= n; i++) {
      const substitute = cost[i - 1]! + (text[i - 1] === pattern[j - 1] ? 0 : 1);
      const skipPattern = cost[i]! + 1;
      const skipText = nextCost[i - 1]! + 1;
      if (substitute <= skipPattern && substitute <= skipText) {
        nextCost[i] = substitute;
        nextFrom[i] = from[i - 1]!;
      } else if (skipPattern <= skipText) {
        nextCost[i] = skipPattern;
        nextFrom[i] = from[i]!;
      } else {
        nextCost[i] = skipText;
        nextFrom[i] = nextFrom[i - 1]!;
      }
    }
    cost = nextCost;
    from = nextFrom;
  }
  let best: Alignment | undefined;
  for (let i = 1; i <= n; i++) {
    if (!best || cost[i]! < best.distance) best = { start: from[i]!, end: i, distance: cost[i]! };
  }
  return best;
}

const monthNames: Record<string, number> = {};
[
  ['JAN', 'JANV', 'JANUARY', 'JANVIER', 'JANUAR', 'ENE', 'GEN'],
  ['FEB', 'FEV', 'FEBRUARY', 'FEVRIER', 'FEBRUAR'],
  ['MAR', 'MARS', 'MARCH', 'MARZ', 'MAERZ', 'MRZ'],
  ['APR', 'AVR', 'APRIL', 'AVRIL', 'ABR'],
  ['MAY', 'MAI', 'MAG'],
  ['JUN', 'JUIN', 'JUNE', 'JUNI', 'GIU'],
  ['JUL', 'JUIL', 'JULY', 'JUILLET', 'JULI', 'LUG'],
  ['AUG', 'AOUT', 'AOU', 'AUGUST', 'AGO'],
  ['SEP', 'SEPT', 'SEPTEMBER', 'SEPTEMBRE', 'SET'],
  ['OCT', 'OCTOBER', 'OCTOBRE', 'OKT', 'OKTOBER', 'OTT'],
  ['NOV', 'NOVEMBER', 'NOVEMBRE'],
  ['DEC', 'DECEMBER', 'DECEMBRE', 'DEZ', 'DEZEMBER', 'DIC'],
].forEach((names, index) => names.forEach((name) => (monthNames[name] = index + 1)));

const englishMonths = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The ways a document may print a YYYY-MM-DD date, in comparison form (see `comparable`). */
export function printedDateForms(isoDate: string): string[] {
  const [year, month, day] = isoDate.split('-') as [string, string, string];
  const name = englishMonths[Number(month) - 1] ?? '';
  const yy = year.slice(2);
  return [
    `${day} ${name} ${year}`,
    `${day} ${month} ${year}`,
    `${day} ${name} ${yy}`,
    `${day} ${month} ${yy}`,
    `${year} ${month} ${day}`,
  ];
}

const realDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/**
 * Reads a printed date (`12 AUG 1974`, `12.08.1974`, `12 AUG/AOUT 74`, `1974-08-12`). Two-digit years
 * take the century of `hintYear` (the MRZ's reading of the same date), or the nearest to it.
 */
export function parsePrintedDate(text: string, hintYear?: number): { value: string; date: VizDateReading } {
  // Glued tokens (`05FEB1965`) are split where letters and digits meet.
  const words = comparable(text)
    .replace(/(\d)([A-Z])/g, '$1 $2')
    .replace(/([A-Z])(\d)/g, '$1 $2')
    .split(' ')
    .filter((word) => word.length > 0);
  const numbers: string[] = [];
  let month: number | undefined;
  for (const word of words) {
    if (/^\d+$/.test(word)) numbers.push(word);
    else if (month === undefined && monthNames[word] !== undefined) month = monthNames[word];
  }
  let year: string | undefined;
  let day: string | undefined;
  let monthNumber = month;
  if (numbers.length >= 3 && numbers[0]!.length === 4)
    [year, monthNumber, day] = [numbers[0]!, Number(numbers[1]), numbers[2]!];
  else if (numbers.length >= 3 && month === undefined)
    [day, monthNumber, year] = [numbers[0]!, Number(numbers[1]), numbers[2]!];
  else if (numbers.length >= 2 && month !== undefined) [day, year] = [numbers[0]!, numbers[numbers.length - 1]!];
  if (!year || !day || !monthNumber || day.length > 2 || (year.length !== 2 && year.length !== 4)) {
    return { value: text.trim(), date: 'unparsed' };
  }
  let fullYear = Number(year);
  if (year.length === 2) {
    const hint = hintYear ?? 2000;
    const candidates = [1900, 2000, 2100].map((century) => century + fullYear);
    fullYear = candidates.reduce((a, b) => (Math.abs(b - hint) < Math.abs(a - hint) ? b : a));
  }
  const value = `${fullYear}-${String(monthNumber).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return { value, date: realDate(fullYear, monthNumber, Number(day)) ? 'valid' : 'invalid' };
}

/** Sex as printed (`F`, `F/F`, `M/H`, `X`, `FEMALE`), or undefined when the text is none of them. */
export function parsePrintedSex(text: string): string | undefined {
  const first = comparable(text).split(' ')[0] ?? '';
  if (first === 'F' || first === 'FEMALE' || first === 'W') return 'F';
  if (first === 'M' || first === 'MALE' || first === 'H') return 'M';
  if (first === 'X') return 'X';
  return undefined;
}

/**
 * Folds the characters OCR mistakes for one another (0/O/Q/D, 1/I/L, 2/Z, 5/S, 6/G, 8/B) onto one, so
 * that a slip between look-alikes is not taken for a different value.
 */
function foldLookalikes(text: string): string {
  return text
    .replace(/[OQD]/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/Z/g, '2')
    .replace(/S/g, '5')
    .replace(/G/g, '6')
    .replace(/B/g, '8');
}

/**
 * Whether a printed name or number read as `value` is consistent with the MRZ's `target`: equal within
 * `tolerance` once look-alikes are folded; or only part of it read (four characters or more of it,
 * the rest lost to the OCR, which is no sign of a different value); or, when the MRZ had to cut the
 * names short (`truncated`), the printed value goes on where the MRZ stops.
 */
export function consistentText(value: string, target: string, truncated: boolean): boolean {
  const [read, wanted] = [foldLookalikes(value), foldLookalikes(target)];
  if (distance(read, wanted) <= tolerance(wanted.length)) return true;
  if (read.length >= 4 && wanted.includes(read)) return true;
  return (
    truncated &&
    read.length > wanted.length &&
    distance(read.slice(0, wanted.length), wanted) <= tolerance(wanted.length)
  );
}
