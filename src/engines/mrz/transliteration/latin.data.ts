/**
 * Latin letters with diacritics and ligatures, to MRZ characters: ICAO Doc 9303 Part 3 (8th edition,
 * 2021), section 6 A, "Transliteration of multinational Latin-based characters". Grouped by result.
 * Where ICAO offers a choice the first option, the one it recommends, is used; the others are kept in
 * `latinAlternatives` for matchers (an issuing State may have chosen any of them).
 * Not in the table and derived from it: lower-case letters are upper-cased first (so ß becomes SS).
 */
export const latinByResult: Readonly<Record<string, string>> = {
  A: 'ÀÁÂÃĀĂĄ',
  AA: 'Å',
  AE: 'ÄÆ',
  C: 'ÇĆĈĊČ',
  D: 'ÐĎĐ',
  E: 'ÈÉÊËĒĔĖĘĚ',
  G: 'ĜĞĠĢ',
  H: 'ĤĦ',
  I: 'ÌÍÎÏĨĪĬĮİı',
  IJ: 'Ĳ',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'ĹĻĽĿŁ',
  N: 'ÑŃŅŇŊ',
  O: 'ÒÓÔÕŌŎŐ',
  OE: 'ÖØŒ',
  R: 'ŔŖŘ',
  S: 'ŚŜŞŠ',
  SS: 'ẞ',
  T: 'ŢŤŦ',
  TH: 'Þ',
  U: 'ÙÚÛŨŪŬŮŰŲ',
  UE: 'Ü',
  W: 'Ŵ',
  Y: 'ÝŶŸ',
  Z: 'ŹŻŽ',
};

/** The other options ICAO allows for the same letters (same source). */
export const latinAlternatives: Readonly<Record<string, readonly string[]>> = {
  Ä: ['A'],
  Å: ['A'],
  Ñ: ['NXX'],
  Ö: ['O'],
  Ü: ['UXX', 'U'],
};
