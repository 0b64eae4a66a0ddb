import { describe, expect, it } from 'vitest';
import { parseMrz, repairMrz } from './index.js';

// ICAO Doc 9303 specimens (Utopia), as printed.
const td3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const td1 = ['I<UTOD231458907ABC<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<1', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const td1Long = ['I<UTOD23145890<1233<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const mrvb = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

/** The reading with its line `line` changed by `edit`. */
const misread = (lines: readonly string[], line: number, edit: (text: string) => string): string[] =>
  lines.map((text, i) => (i === line ? edit(text) : text));
const at = (text: string, index: number, char: string): string => text.slice(0, index) + char + text.slice(index + 1);

describe('repairMrz: position rules', () => {
  it('repairs an O read for 0 in the birth date', () => {
    const reading = misread(td3, 1, (l) => l.replace('7408122', '74O8122'));
    expect(parseMrz(reading).valid).toBe(false);
    expect(repairMrz(reading)).toEqual({ lines: td3, corrections: 1, valid: true });
  });

  it('turns look-alike letters into digits in dates and check digits, and digits into letters in codes', () => {
    const reading = ['P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO740BIZZF12O4IS9ZE184226B<<<<<1O'];
    expect(repairMrz(reading)).toEqual({ lines: td3, corrections: 9, valid: true });
  });

  it('only applies position rules to names, which have no check digit', () => {
    const reading = misread(td3, 0, () => 'P<UTOERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<');
    expect(repairMrz(reading)).toEqual({ lines: td3, corrections: 3, valid: true });
    // A digit that looks like no letter stays, and the reading stays invalid.
    const unknown = misread(td3, 0, (l) => l.replace('ANNA', 'AN3A'));
    expect(repairMrz(unknown)).toEqual({ lines: unknown, corrections: 0, valid: false });
  });

  it('leaves alphanumeric document numbers to their check digit', () => {
    const finnish = [
      'I<FINXA10000585010195<112X<<<<',
      '9501016F2803135FIN<<<<<<<<<<<7',
      'SPECIMEN<TRAVEL<<VILMA<SOFIA<<',
    ];
    expect(repairMrz(finnish)).toEqual({ lines: finnish, corrections: 0, valid: true });
    expect(repairMrz(td3)).toEqual({ lines: td3, corrections: 0, valid: true });
  });

  it('normalises case, spaces and line breaks like parseMrz', () => {
    const text = ` ${td3[0]!.toLowerCase()} \r\n ${td3[1]!.slice(0, 20)}  ${td3[1]!.slice(20)}\n`;
    expect(repairMrz(text)).toEqual({ lines: td3, corrections: 0, valid: true });
  });
});

describe('repairMrz: look-alikes chosen by the check digit', () => {
  it('picks the one look-alike that makes a document number check digit hold', () => {
    expect(repairMrz(misread(td3, 1, (l) => at(l, 5, 'O')))).toEqual({ lines: td3, corrections: 1, valid: true });
    // A visa has no composite: the document number check digit alone decides, when it can.
    expect(repairMrz(misread(mrvb, 1, (l) => at(l, 6, 'O')))).toEqual({ lines: mrvb, corrections: 1, valid: true });
  });

  it('repairs a long TD1 document number, in the first part or in the overflow', () => {
    const inHead = misread(td1Long, 0, (l) => at(l, 13, 'O'));
    expect(repairMrz(inHead)).toEqual({ lines: td1Long, corrections: 1, valid: true });
    const portuguese = [
      'I<PRT007777779<ZZ92<<<<<<<<<<<',
      '8303143M3405282PRT<<<<<<<<<<<2',
      'CACADOR<DE<ARAUJO<<ANDRE<ESTEV',
    ];
    const inOverflow = misread(portuguese, 0, (l) => at(l, 16, '2'));
    expect(repairMrz(inOverflow)).toEqual({ lines: portuguese, corrections: 1, valid: true });
  });

  it('does not guess in optional data, which only the composite check digit covers', () => {
    // 8 -> B would be the only fit here, but the composite cannot tell a misread optional character from
    // a misread composite digit, so the reading is left invalid.
    const reading = misread(td1, 0, (l) => l.replace('ABC', 'A8C'));
    expect(repairMrz(reading)).toEqual({ lines: reading, corrections: 0, valid: false });
  });

  it('does not choose between two readings that both fit', () => {
    // B->8 in position 2 and 8->B in position 4 both make L?9?902C3 check to 6, and the composite
    // cannot tell them apart: both positions weigh the same there.
    const reading = misread(td3, 1, (l) => at(l, 1, 'B'));
    expect(repairMrz(reading)).toEqual({ lines: reading, corrections: 0, valid: false });
  });

  it('keeps a reading invalid when no look-alike makes its check digits hold', () => {
    // A wrong birth-date check digit: digits have no look-alike digit.
    const wrongDigit = misread(td3, 1, (l) => at(l, 19, '3'));
    expect(repairMrz(wrongDigit)).toEqual({ lines: wrongDigit, corrections: 0, valid: false });
    // A letter that resembles no digit is kept, never replaced by an invented one.
    const unknownLetter = misread(td3, 1, (l) => at(l, 15, 'K'));
    expect(repairMrz(unknownLetter)).toEqual({ lines: unknownLetter, corrections: 0, valid: false });
    // Only the composite fails and a passport has no field that only the composite covers.
    const composite = misread(td3, 1, (l) => at(l, 43, '7'));
    expect(repairMrz(composite)).toEqual({ lines: composite, corrections: 0, valid: false });
  });

  it('keeps the position-rule corrections of a reading that stays invalid', () => {
    const reading = misread(td3, 1, (l) => at(at(l, 15, 'O'), 19, '3'));
    const repair = repairMrz(reading);
    expect(repair.lines[1]).toBe(at(td3[1]!, 19, '3'));
    expect(repair).toMatchObject({ corrections: 1, valid: false });
  });
});

describe('repairMrz: national formats', () => {
  it('applies the French ID card layout, not the TD2 one', () => {
    const card = ['IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02', '1710GVA123451ROBERTA<<<<<<<9112311F2'];
    const reading = ['IDFRATE5T<NAME<<<<<<<<<<<<<<<<0CHE02', '1710GVA123451R0BERTA<<<<<<<9II23IIF2'];
    expect(repairMrz(reading)).toEqual({ lines: card, corrections: 6, valid: true });
  });

  it('leaves the letter and digit of a French driving licence code alone', () => {
    const licence = ['D1FRA13AA000026181231MARTIN<<9'];
    expect(repairMrz(licence)).toEqual({ lines: licence, corrections: 0, valid: true });
    expect(repairMrz(['D1FRA13AA00002618I23IMART1N<<9'])).toEqual({ lines: licence, corrections: 3, valid: true });
  });
});

describe('repairMrz: line shape', () => {
  it('cuts characters read past the end of a line that ends in fillers', () => {
    const reading = [`${td3[0]}EXTRACHARS`, td3[1]!];
    expect(repairMrz(reading)).toEqual({ lines: td3, corrections: 10, valid: true });
  });

  it('does not cut a line that ends in data, and never pads a short one', () => {
    const overlong = [td3[0]!, `${td3[1]}12`];
    expect(repairMrz(overlong)).toMatchObject({ lines: overlong, valid: false });
    const short = [td1[0]!, td1[1]!, td1[2]!.slice(0, 28)];
    expect(repairMrz(short)).toEqual({ lines: short, corrections: 0, valid: false });
  });
});
