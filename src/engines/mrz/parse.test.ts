import { describe, expect, it } from 'vitest';
import { checkDigit, isKnownMrzCountry, parseMrz } from './index.js';

/** A TD3 passport with the given birth and expiry dates, every check digit computed. */
function passport(birth: string, expiry: string, { state = 'UTO', personal = '<<<<<<<<<<<<<<' } = {}): string[] {
  const number = 'L898902C3';
  const personalDigit = /^<+$/.test(personal) ? '<' : String(checkDigit(personal));
  const upper = `${number}${checkDigit(number)}${state}${birth}${checkDigit(birth)}F${expiry}${checkDigit(expiry)}`;
  const lower = `${upper}${personal}${personalDigit}`;
  const composite = checkDigit(`${lower.slice(0, 10)}${lower.slice(13, 20)}${lower.slice(21, 43)}`);
  return [`P<${state}ERIKSSON<<ANNA<MARIA`.padEnd(44, '<'), `${lower}${composite}`];
}

describe('parseMrz: dates', () => {
  it('puts a birth date in the past and an expiry date within 50 years of today', () => {
    const parse = parseMrz(passport('740812', '120415'), { today: '2026-01-01' });
    expect(parse.fields.dateOfBirth).toBe('1974-08-12');
    expect(parse.fields.dateOfExpiry).toBe('2012-04-15');
    expect(parseMrz(passport('260102', '741231'), { today: '2026-01-01' }).fields).toMatchObject({
      dateOfBirth: '1926-01-02',
      dateOfExpiry: '2074-12-31',
    });
    expect(parseMrz(passport('260101', '771231'), { today: '2026-01-01' }).fields).toMatchObject({
      dateOfBirth: '2026-01-01',
      dateOfExpiry: '1977-12-31',
    });
  });

  it('says whether the document has expired, counting its expiry day as valid', () => {
    const lines = passport('740812', '300615');
    expect(parseMrz(lines, { today: '2030-06-15' }).validation.notExpired).toBe(true);
    const expired = parseMrz(lines, { today: '2030-06-16' });
    expect(expired.validation.notExpired).toBe(false);
    expect(expired.valid).toBe(true);
    expect(expired.problems).toEqual(['dateOfExpiry: expired on 2030-06-15']);
  });

  it('says whether the holder has reached the minimum age, from their birthday on', () => {
    const lines = passport('080612', '300615');
    expect(parseMrz(lines, { today: '2026-06-12' }).validation.ofAge).toBe(true);
    expect(parseMrz(lines, { today: '2026-06-11' }).validation.ofAge).toBe(false);
    expect(parseMrz(lines, { today: '2026-06-11' }).problems).toEqual(['dateOfBirth: the holder is 17, under 18']);
    expect(parseMrz(lines, { today: '2028-06-12', minimumAge: 21 }).validation.ofAge).toBe(false);
    expect(parseMrz(lines, { today: '2029-06-12', minimumAge: 21 }).validation.ofAge).toBe(true);
    // Born on 29 February: of age on 1 March in a common year, never a day early.
    const leap = passport('080229', '300615');
    expect(parseMrz(leap, { today: '2026-02-28' }).validation.ofAge).toBe(false);
    expect(parseMrz(leap, { today: '2026-03-01' }).validation.ofAge).toBe(true);
  });

  it('keeps a reading with unreal dates valid when its check digits hold, and says which date is wrong', () => {
    const parse = parseMrz(passport('740230', '12<<<<'), { today: '2026-01-01' });
    expect(parse.valid).toBe(true);
    expect(parse.validation).toMatchObject({ datesReal: false, notExpired: false, ofAge: false });
    expect(parse.fields).toMatchObject({ dateOfBirth: null, dateOfExpiry: null });
    expect(parse.raw).toMatchObject({ dateOfBirth: '740230', dateOfExpiry: '12<<<<' });
    expect(parse.problems).toEqual([
      'dateOfBirth: 740230 is not a real date',
      'dateOfExpiry: 12<<<< is partly unknown',
    ]);
  });

  it('refuses a today that is not a date rather than judging against it', () => {
    expect(() => parseMrz(passport('740812', '300615'), { today: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('parseMrz: fields and checks', () => {
  it('reads the personal number, with "<" or 0 as the check digit of an empty one', () => {
    expect(parseMrz(passport('740812', '300615', { personal: 'ZE184226B<<<<<' })).fields.personalNumber).toBe(
      'ZE184226B',
    );
    const empty = passport('740812', '300615');
    expect(parseMrz(empty).checks.personalNumber).toBe(true);
    expect(parseMrz([empty[0]!, empty[1]!.slice(0, 42) + '0' + empty[1]!.slice(43)]).checks.personalNumber).toBe(true);
    expect(parseMrz([empty[0]!, empty[1]!.slice(0, 42) + '1' + empty[1]!.slice(43)]).checks.personalNumber).toBe(false);
  });

  it('reads an unspecified sex as X and a visa without composite check digit', () => {
    const visa = parseMrz(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078<9612109<<<<<<<<']);
    expect(visa.format).toBe('MRVB');
    expect(visa.fields.sex).toBe('X');
    expect(visa.checks).toEqual({ documentNumber: true, dateOfBirth: true, dateOfExpiry: true });
  });

  it('accepts text with line breaks, lower case and spaces', () => {
    const parse = parseMrz(
      ' i<uto d231458907<<<<<<<<<<<<<<<\r\n7408122F1204159UTO<<<<<<<<<<<6\r\nERIKSSON<<ANNA<MARIA<<<<<<<<<<\n',
    );
    expect(parse.format).toBe('TD1');
    expect(parse.lines[0]).toBe('I<UTOD231458907<<<<<<<<<<<<<<<');
    expect(parse.valid).toBe(true);
  });

  it('names the field of every problem', () => {
    const parse = parseMrz([
      'P<UTOE*IKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<',
      'L898*02C36UT07408122Q1204159ZE184226B<<<<<10',
    ]);
    expect(parse.valid).toBe(false);
    expect(parse.problems).toEqual(
      expect.arrayContaining([
        "surname: 'E*IKSSON' should hold letters and '<' only",
        "documentNumber: 'L898*02C3' should hold letters, digits and '<' only",
        "nationality: 'UT0' should hold three letters, or fewer padded with '<'",
        "sex: 'Q' should hold M, F, X or '<'",
      ]),
    );
    for (const problem of parse.problems) expect(problem).toMatch(/^[a-zA-Z0-9]+: /);
  });

  it('reads a French identity card, which has no expiry date and no nationality', () => {
    const parse = parseMrz(['IDFRABERTHIER<<<<<<<<<<<<<<<<<<<<<<<', '9409923102854CORINNE<<<<<<<6512068F4'], {
      today: '2026-01-01',
    });
    expect(parse.format).toBe('FRENCH_ID');
    expect(parse.fields).toMatchObject({ documentNumber: '940992310285', dateOfBirth: '1965-12-06' });
    expect(parse.fields).toMatchObject({ dateOfExpiry: null, nationality: null, surname: 'BERTHIER' });
    expect(parse.valid).toBe(true);
    expect(parse.validation).toMatchObject({ notExpired: false, knownNationality: false, ofAge: true });
    expect(parse.problems).toEqual([
      'dateOfExpiry: not in this format, expiry cannot be checked',
      'nationality: not in this format',
    ]);
  });

  it('reports no supported format with the shape it saw', () => {
    expect(parseMrz('').problems).toEqual([expect.stringMatching(/^lines: no text match no supported format/)]);
    expect(parseMrz('IDFRA<<<').format).toBe('unknown');
    const licence = parseMrz('D1NLD13AA000026181231MARTIN<<9');
    expect(licence.problems).toEqual(['lines: a single line of 30 is only supported as a French driving licence']);
  });
});

describe('isKnownMrzCountry and the validation of codes', () => {
  it('knows ISO 3166-1 alpha-3 codes and the codes ICAO adds', () => {
    for (const code of ['DEU', 'FRA', 'D', 'D<<', 'UTO', 'EUE', 'UNO', 'XXA', 'XXX', 'XPO', 'XOM', 'GBD', 'GBS']) {
      expect(isKnownMrzCountry(code), code).toBe(true);
    }
    for (const code of ['BOS', 'COU', 'INP', 'ASU', 'UT0', '<D<', 'XBT', '', 'DE']) {
      expect(isKnownMrzCountry(code), code).toBe(false);
    }
  });

  it('flags unassigned codes without making the reading invalid', () => {
    const parse = parseMrz(passport('740812', '300615', { state: 'BOS' }), { today: '2026-01-01' });
    expect(parse.valid).toBe(true);
    expect(parse.validation).toMatchObject({ knownIssuingState: false, knownNationality: false });
    expect(parse.problems).toEqual([
      "issuingState: 'BOS' is not an ICAO 9303 code",
      "nationality: 'BOS' is not an ICAO 9303 code",
    ]);
  });
});

describe('checkDigit', () => {
  it('weighs 7, 3, 1 with < as 0 and A as 10', () => {
    expect(checkDigit('<')).toBe(0);
    expect(checkDigit('A')).toBe(0);
    expect(checkDigit('1')).toBe(7);
    expect(checkDigit('01')).toBe(3);
    expect(checkDigit('Z')).toBe(5);
  });

  it('refuses what is not MRZ text', () => {
    expect(() => checkDigit('')).toThrow(RangeError);
    expect(() => checkDigit('ab')).toThrow(RangeError);
    expect(() => checkDigit('Ä')).toThrow(RangeError);
  });
});
