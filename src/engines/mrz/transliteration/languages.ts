import type { CyrillicLanguage } from './cyrillic.data.js';

/** English names, ISO 639-1 and ISO 639-2 codes of the languages the Cyrillic table makes exceptions for. */
const aliases: Readonly<Record<string, CyrillicLanguage>> = {
  belarusian: 'belarusian',
  belorussian: 'belarusian',
  be: 'belarusian',
  bel: 'belarusian',
  bulgarian: 'bulgarian',
  bg: 'bulgarian',
  bul: 'bulgarian',
  macedonian: 'macedonian',
  mk: 'macedonian',
  mkd: 'macedonian',
  mac: 'macedonian',
  russian: 'russian',
  ru: 'russian',
  rus: 'russian',
  serbian: 'serbian',
  sr: 'serbian',
  srp: 'serbian',
  ukrainian: 'ukrainian',
  uk: 'ukrainian',
  ukr: 'ukrainian',
};

/**
 * The Cyrillic exceptions to apply, if any. Any other language (German, say) is valid and simply has
 * none: the general values apply.
 */
export const cyrillicLanguageOf = (language: string | undefined): CyrillicLanguage | null =>
  (language && aliases[language.trim().toLowerCase()]) || null;
