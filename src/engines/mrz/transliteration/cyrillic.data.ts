/**
 * Cyrillic letters to MRZ characters: ICAO Doc 9303 Part 3 (8th edition, 2021), section 6 B,
 * "Transliteration of Cyrillic characters", upper case (lower case is upper-cased first).
 * `cyrillic` holds the general value of each row, `cyrillicByLanguage` the "(except ...)" notes of
 * the rows, and `ukrainianInitial` the Ukrainian values for the first letter of a name component.
 */
export const cyrillic: Readonly<Record<string, string>> = {
  Ё: 'E',
  Ђ: 'D',
  Є: 'IE',
  Ѕ: 'DZ',
  І: 'I',
  Ї: 'I',
  Ј: 'J',
  Љ: 'LJ',
  Њ: 'NJ',
  Ќ: 'K',
  Ў: 'U',
  Џ: 'DZ',
  А: 'A',
  Б: 'B',
  В: 'V',
  Г: 'G',
  Д: 'D',
  Е: 'E',
  Ж: 'ZH',
  З: 'Z',
  И: 'I',
  Й: 'I',
  К: 'K',
  Л: 'L',
  М: 'M',
  Н: 'N',
  О: 'O',
  П: 'P',
  Р: 'R',
  С: 'S',
  Т: 'T',
  У: 'U',
  Ф: 'F',
  Х: 'KH',
  Ц: 'TS',
  Ч: 'CH',
  Ш: 'SH',
  Щ: 'SHCH',
  Ъ: 'IE',
  Ы: 'Y',
  Э: 'E',
  Ю: 'IU',
  Я: 'IA',
  Ѫ: 'U',
  Ѵ: 'Y',
  Ґ: 'G',
  Ғ: 'G',
  Һ: 'C',
  // Not in the ICAO table, derived so that no Russian, Serbian or Macedonian letter is lost:
  // the soft sign is left out, as in Russian practice and the iuliia ICAO mapping;
  Ь: '',
  // Ћ is Serbian Ć, which the Latin table (section 6 A) writes C;
  Ћ: 'C',
  // Ѓ is Macedonian GJE; the ICAO row "G (except Macedonian = GJ)" is printed under U+0492 (Ғ, a letter
  // Macedonian does not use), evidently meaning this one.
  Ѓ: 'G',
};

export type CyrillicLanguage = 'belarusian' | 'bulgarian' | 'macedonian' | 'russian' | 'serbian' | 'ukrainian';

export const cyrillicByLanguage: Readonly<Record<CyrillicLanguage, Readonly<Record<string, string>>>> = {
  belarusian: { Ё: 'IO', Г: 'H' },
  bulgarian: { Щ: 'SHT' },
  macedonian: { Ќ: 'KJ', Џ: 'DJ', Х: 'H', Ц: 'C', Ғ: 'GJ', Ѓ: 'GJ' },
  russian: {},
  serbian: { Г: 'H', Ж: 'Z', Х: 'H', Ц: 'C', Ч: 'C', Ш: 'S' },
  ukrainian: { Г: 'H', И: 'Y' },
};

export const ukrainianInitial: Readonly<Record<string, string>> = {
  Є: 'YE',
  Ї: 'YI',
  Й: 'Y',
  Ю: 'YU',
  Я: 'YA',
};
