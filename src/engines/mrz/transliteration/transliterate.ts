import { arabic, shadda, tehMarbuta } from './arabic.data.js';
import { cyrillic, cyrillicByLanguage, ukrainianInitial } from './cyrillic.data.js';
import { cyrillicLanguageOf } from './languages.js';
import { latinByResult } from './latin.data.js';

export interface TransliterateOptions {
  /**
   * Language of the name, for the per-language rules of the Cyrillic table: 'ukrainian' or 'uk',
   * 'belarusian', 'bulgarian', 'serbian', 'macedonian', 'russian' (English name or ISO 639 code).
   */
  language?: string;
}

const latin = new Map(Object.entries(latinByResult).flatMap(([result, chars]) => [...chars].map((c) => [c, result])));

const isLetter = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{M}]/u.test(char);
const isApostrophe = (char: string | undefined): boolean => char !== undefined && /['’‘ʼ`´]/.test(char);
/** Vowel marks and tatweel: not encoded, so they neither end a component nor carry a shadda. */
const isSilentArabic = (char: string | undefined): boolean => char !== undefined && arabic[char] === '';

/** A name component starts the text or follows a space, hyphen or comma; an apostrophe joins. */
const startsComponent = (chars: readonly string[], i: number): boolean =>
  i === 0 || (!isLetter(chars[i - 1]) && !isApostrophe(chars[i - 1]));

function endsComponent(chars: readonly string[], i: number): boolean {
  let next = i + 1;
  while (isSilentArabic(chars[next])) next++;
  return !isLetter(chars[next]);
}

/** Letters outside the tables (Ș, Ǎ...): their base letter, when taking the marks off leaves plain A-Z. */
function withoutMarks(char: string): string | undefined {
  const base = char.normalize('NFD').replace(/\p{M}/gu, '');
  return /^[A-Z]+$/.test(base) ? base : undefined;
}

/**
 * Transliterates a name as ICAO Doc 9303 Part 3 section 6 recommends for the MRZ: upper case, Latin
 * diacritics resolved (Ä to AE, Ñ to N, ß to SS), Cyrillic and Arabic letters converted. Spaces,
 * punctuation and digits are kept, so the result still reads as the name (see toMrzName for the MRZ
 * field form); characters of other scripts are kept as they are.
 *
 * @example transliterate('Müller') // 'MUELLER'
 * @example transliterate("Мар'яна", { language: 'uk' }) // "MAR'IANA"
 */
export function transliterate(name: string, options: TransliterateOptions = {}): string {
  const language = cyrillicLanguageOf(options.language);
  const exceptions = language ? cyrillicByLanguage[language] : {};
  const chars = [...name.normalize('NFC').toUpperCase()];
  let out = '';
  let previous = '';
  chars.forEach((char, i) => {
    let result: string | undefined;
    if (char === shadda) {
      result = previous;
    } else if (char === tehMarbuta.char) {
      result = endsComponent(chars, i) ? tehMarbuta.final : tehMarbuta.other;
    } else if (language === 'ukrainian' && startsComponent(chars, i) && ukrainianInitial[char] !== undefined) {
      result = ukrainianInitial[char];
    } else {
      result = exceptions[char] ?? cyrillic[char] ?? arabic[char] ?? latin.get(char);
    }
    if (result === undefined) result = /\p{M}/u.test(char) ? '' : (withoutMarks(char) ?? char);
    out += result;
    if (result !== '' && char !== shadda) previous = result;
  });
  return out;
}
