import { describe, expect, it } from 'vitest';
import { defined, normalizeCountry, normalizeDate, normalizeGender } from './normalize.js';

describe('normalisation', () => {
  it('writes countries as ISO alpha-3', () => {
    expect(normalizeCountry('PRT')).toBe('PRT');
    expect(normalizeCountry('nl')).toBe('NLD');
    expect(normalizeCountry('D<<')).toBe('DEU');
    expect(normalizeCountry('XX')).toBeUndefined();
    expect(normalizeCountry(7)).toBeUndefined();
  });

  it('writes dates as YYYY-MM-DD and drops impossible ones', () => {
    expect(normalizeDate('2002-04-29')).toBe('2002-04-29');
    expect(normalizeDate('2002-04-29T00:00:00Z')).toBe('2002-04-29');
    expect(normalizeDate('29.04.2002')).toBe('2002-04-29');
    expect(normalizeDate('29/04/2002')).toBe('2002-04-29');
    expect(normalizeDate('20020429')).toBe('2002-04-29');
    expect(normalizeDate('2002-02-30')).toBeUndefined();
    expect(normalizeDate('')).toBeUndefined();
  });

  it('writes gender as M or F', () => {
    expect(normalizeGender('female')).toBe('F');
    expect(normalizeGender('M')).toBe('M');
    expect(normalizeGender('X')).toBeUndefined();
    expect(normalizeGender('1')).toBeUndefined();
  });

  it('leaves out absent values', () => {
    expect(defined({ a: 1, b: undefined, c: null, d: '' })).toEqual({ a: 1, d: '' });
  });
});
