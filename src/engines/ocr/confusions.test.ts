import { describe, expect, it } from 'vitest';
import { checkDigit, parseMrz } from '../mrz/index.js';
import { readingsWithinConfusions } from './confusions.js';

/** A TD3 zone with every check digit computed, so each case starts from a true reading. */
function td3(documentNumber: string, birth: string, expiry: string): string[] {
  const number = documentNumber.padEnd(9, '<');
  const personal = '<'.repeat(14);
  const body = `${number}${checkDigit(number)}UTO${birth}${checkDigit(birth)}F${expiry}${checkDigit(expiry)}${personal}0`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return ['P<UTOERIKSSON<<ANNA<MARIA'.padEnd(44, '<'), `${body}${composite}`];
}

const misread = (lines: string[], line: number, index: number, char: string): string[] =>
  lines.map((text, i) => (i === line ? text.slice(0, index) + char + text.slice(index + 1) : text));

describe('readingsWithinConfusions', () => {
  it('keeps a reading whose check digits already hold as the only one', () => {
    const truth = td3('L898902C3', '740812', '320415');
    expect(parseMrz(truth).valid).toBe(true);
    expect(readingsWithinConfusions(truth)).toEqual([truth]);
  });

  it('repairs a 3 our model read as S in a date, where the position rule alone would make it a 5', () => {
    const truth = td3('L898902C3', '730812', '320415');
    const read = misread(truth, 1, 14, 'S');
    expect(readingsWithinConfusions(read)).toEqual([truth]);
  });

  it('returns every reading when the engine look-alikes and our misreadings both satisfy the check digits', () => {
    const truth = td3('W385236', '500114', '310802');
    // The document number as our model read it on a phone photo: 3 → S and 5 → S.
    const read = misread(misread(truth, 1, 1, 'S'), 1, 3, 'S');
    const readings = readingsWithinConfusions(read);
    expect(readings.length).toBeGreaterThan(1);
    expect(readings).toContainEqual(truth);
    for (const reading of readings) expect(Object.values(parseMrz(reading).checks).every(Boolean)).toBe(true);
  });

  it('finds nothing when the failing field holds no character either table could swap', () => {
    const truth = td3('XKXKXKXKX', '740812', '320415');
    const read = misread(truth, 1, 8, 'Y');
    expect(parseMrz(read).checks.documentNumber).toBe(false);
    expect(readingsWithinConfusions(read)).toEqual([]);
  });
});
