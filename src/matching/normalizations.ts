import { assertNever } from '../core/assert-never.js';
import { canonicalDate } from './dates.js';
import { toLatin } from './to-latin.js';
import type { Normalization } from './types.js';

/**
 * ICAO Doc 9303 Part 3 section 4.6, for text rather than the MRZ: an apostrophe is left out and the
 * parts joined (D'Artagnan → DArtagnan), hyphens, commas and the MRZ filler '<' separate words like a
 * space, other punctuation and symbols are left out. Spaces are collapsed.
 */
function withoutPunctuation(text: string): string {
  return text
    .replace(/['’‘ʼ`´]/gu, '')
    .replace(/[\s\p{Pd},<_/]+/gu, ' ')
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Latin script, ICAO punctuation rules, case kept. */
const clean = (text: string): string => withoutPunctuation(toLatin(text));

/** The first letters of the first two words, upper case: "Maria Paula Santos" → "MP". */
function initials(cleaned: string): string {
  return cleaned
    .split(' ')
    .filter((word) => word !== '')
    .slice(0, 2)
    .map((word) => String.fromCodePoint(word.codePointAt(0)!))
    .join('')
    .toUpperCase();
}

/**
 * A value as a field's normalization turns it before comparison, as upstream defines each one. `numeric`
 * first writes a value that is exactly one calendar date as YYYYMMDD, so that "1988-08-18" from the user
 * data and "18.08.1988" from a document give the same digits rather than 19880818 and 18081988.
 *
 * @example normalize('Jürgen', 'cleanUpper') // 'JUERGEN'
 * @example normalize('18.08.1988', 'numeric') // '19880818'
 */
export function normalize(value: string, normalization: Normalization): string {
  switch (normalization) {
    case 'none':
      return value;
    case 'upper':
      return value.toUpperCase();
    case 'clean':
      return clean(value);
    case 'cleanUpper':
      return clean(value).toUpperCase();
    case 'initialsUpper':
      return initials(clean(value));
    case 'numeric':
      return (canonicalDate(value) ?? value).replace(/[^0-9]/g, '');
    default:
      return assertNever(normalization);
  }
}
