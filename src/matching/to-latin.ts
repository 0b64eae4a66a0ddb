import { transliterate } from '../engines/mrz/index.js';

/**
 * Cased letters are transliterated one at a time. Without a language, the ICAO tables have no context
 * rules for cased scripts (Latin, Cyrillic, Greek), so this is exact, and it lets each letter keep its
 * case. Letters are few and repeat, so their transliterations are remembered, up to a bound.
 */
const letterCache = new Map<string, string>();
const letterCacheLimit = 4096;

function latinLetter(letter: string, lower: boolean): string {
  const key = lower ? `l${letter}` : `u${letter}`;
  let result = letterCache.get(key);
  if (result === undefined) {
    const upper = transliterate(letter);
    result = lower ? upper.toLowerCase() : upper;
    if (letterCache.size < letterCacheLimit) letterCache.set(key, result);
  }
  return result;
}

const printableAscii = /^[\x20-\x7e]*$/;

const isCased = (char: string): boolean => char.toUpperCase() !== char.toLowerCase();
const isLower = (char: string | undefined): boolean =>
  char !== undefined && isCased(char) && char === char.toLowerCase();

/** An upper-case letter written with several Latin letters: "SHCH" in ЩЕГЛОВА, "Shch" in Щеглова. */
function inCaseOf(latin: string, nextIsLower: boolean): string {
  return nextIsLower && latin.length > 1 ? latin[0] + latin.slice(1).toLowerCase() : latin;
}

/**
 * Text in Latin script as ICAO Doc 9303 Part 3 section 6 transliterates it (Müller → Mueller,
 * Щеглова → Shcheglova, عباس → EBAS), keeping the case of each letter. Uncased text (spaces, digits,
 * punctuation, Arabic) is transliterated in runs, so that the Arabic rules that look at neighbouring
 * letters (shadda, teh marbuta) still see them.
 *
 * @example toLatin('Jürgen Groß') // 'Juergen Gross'
 */
export function toLatin(text: string): string {
  // Printable ASCII is already what the tables give (only case would change, and case is kept), and
  // most names are ASCII: skipping the letter-by-letter walk for them is most of a match's time.
  if (printableAscii.test(text)) return text;
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  let run = '';
  chars.forEach((char, i) => {
    if (!isCased(char)) {
      run += char;
      return;
    }
    if (run !== '') out += transliterate(run);
    run = '';
    const lower = isLower(char);
    const latin = latinLetter(char, lower);
    out += lower ? latin : inCaseOf(latin, isLower(chars[i + 1]));
  });
  return run === '' ? out : out + transliterate(run);
}
