import { type TransliterateOptions, transliterate } from './transliterate.js';

export interface MrzNameParts {
  /** Primary identifier. */
  surname: string;
  /** Secondary identifier. */
  givenNames?: string;
}

/** ICAO Doc 9303 Part 3 section 4.6 punctuation rules, on text already transliterated. */
function component(text: string): string {
  return (
    text
      // An apostrophe is left out and the parts joined: D'ARTAGNAN becomes DARTAGNAN.
      .replace(/['’‘ʼ`´]/g, '')
      // Spaces, hyphens and commas inside an identifier become one filler.
      .replace(/[\s,\-‐‑–—]+/gu, '<')
      // Any other punctuation, digits and letters no table could convert are left out.
      .replace(/[^A-Z<]/g, '')
      .replace(/<+/g, '<')
      .replace(/^<|<$/g, '')
  );
}

/**
 * A name as the MRZ writes it: transliterated, upper case, components joined by '<', the primary and
 * secondary identifiers by '<<'. A string is one identifier; pass `{ surname, givenNames }` for both.
 * No padding or truncation to a field length.
 *
 * @example toMrzName({ surname: 'Ospelt-Beck', givenNames: 'Marisa' }) // 'OSPELT<BECK<<MARISA'
 * @example toMrzName("D’Artagnan") // 'DARTAGNAN'
 */
export function toMrzName(name: string | MrzNameParts, options: TransliterateOptions = {}): string {
  if (typeof name === 'string') return component(transliterate(name, options));
  const surname = component(transliterate(name.surname, options));
  const givenNames = component(transliterate(name.givenNames ?? '', options));
  return givenNames ? `${surname}<<${givenNames}` : surname;
}
