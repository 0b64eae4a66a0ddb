import { describe, expect, it } from 'vitest';
import {
  alignIn,
  comparable,
  consistentText,
  parsePrintedDate,
  parsePrintedSex,
  printedDateForms,
  tolerance,
} from './compare.js';

describe('comparing printed values with the MRZ', () => {
  it('compares names without case, accents or punctuation', () => {
    expect(comparable(' Müller-Lüdenscheidt, Ana ')).toBe('MULLER LUDENSCHEIDT ANA');
  });

  it('allows one slip per five characters, none in values of three characters or fewer', () => {
    expect([2, 3, 4, 9, 10, 15].map(tolerance)).toEqual([0, 0, 1, 1, 2, 3]);
  });

  it('finds the closest stretch of a line, wherever it is', () => {
    expect(alignIn('SS WEIFOULCY N', 'WEIFOULCY')).toEqual({ start: 3, end: 12, distance: 0 });
    expect(alignIn('NO WK2O19351', 'WK2019351')).toMatchObject({ start: 3, end: 12, distance: 1 });
    expect(alignIn('', 'X')).toBeUndefined();
  });

  it('reads printed dates in the usual forms, choosing the century from the MRZ', () => {
    expect(parsePrintedDate('02 JAN 1973')).toEqual({ value: '1973-01-02', date: 'valid' });
    expect(parsePrintedDate('12 AUG/AOUT 74', 1974)).toEqual({ value: '1974-08-12', date: 'valid' });
    expect(parsePrintedDate('12.08.1974')).toEqual({ value: '1974-08-12', date: 'valid' });
    expect(parsePrintedDate('1974-08-12')).toEqual({ value: '1974-08-12', date: 'valid' });
    expect(parsePrintedDate('05FEB1965')).toEqual({ value: '1965-02-05', date: 'valid' });
    expect(parsePrintedDate('31 FEB 2031')).toEqual({ value: '2031-02-31', date: 'invalid' });
    expect(parsePrintedDate('MINISTRY 5')).toEqual({ value: 'MINISTRY 5', date: 'unparsed' });
    expect(printedDateForms('1973-01-02')).toContain('02 JAN 1973');
  });

  it('reads the printed sex, or nothing', () => {
    expect(['F', 'F/F', 'M/H', 'X', 'female', 'Q'].map(parsePrintedSex)).toEqual(['F', 'F', 'M', 'X', 'F', undefined]);
  });

  it('takes look-alike slips, partial reads and names the MRZ cut short for the same value, not another name', () => {
    expect(consistentText('GL', 'GI', false)).toBe(true);
    expect(consistentText('125191728', 'LZ5191728', false)).toBe(true);
    expect(consistentText('MOKNAM', 'MOKNAMOUSS', false)).toBe(true);
    expect(consistentText('TRIAL GUKPEI TRUNTOURHEI', 'TRIAL GUKPEI T', true)).toBe(true);
    expect(consistentText('TRIAL GUKPEI TRUNTOURHEI', 'TRIAL GUKPEI T', false)).toBe(false);
    expect(consistentText('KOWALSKA', 'WEIFOULCY', false)).toBe(false);
    expect(consistentText('JONES', 'JAMES', false)).toBe(false);
  });
});
