import { describe, expect, it } from 'vitest';
import { fullDate } from './dates.js';

const today = '2026-11-21';

describe('readid short dates', () => {
  it.each([
    ['020429', '2002-04-29'],
    ['261121', '2026-11-21'],
    ['261122', '1926-11-22'],
    ['991231', '1999-12-31'],
  ])('puts the past date %s at %s', (value, expected) => {
    expect(fullDate('past', value, today)).toBe(expected);
  });

  it.each([
    ['300708', '2030-07-08'],
    ['751231', '2075-12-31'],
    ['760101', '1976-01-01'],
    ['770101', '1977-01-01'],
  ])('puts the expiry date %s within 50 years of today, at %s', (value, expected) => {
    expect(fullDate('expiry', value, today)).toBe(expected);
  });

  it('uses the interpreted date only when it is the same day', () => {
    expect(fullDate('past', '250101', today, '01.01.1925')).toBe('1925-01-01');
    expect(fullDate('past', '250101', today, '02.01.1925')).toBe('2025-01-01');
  });

  it('reads full dates as they are and drops impossible ones', () => {
    expect(fullDate('past', '2015-09-30', today)).toBe('2015-09-30');
    expect(fullDate('past', '990231', today)).toBeUndefined();
    expect(fullDate('past', '99<<31', today)).toBeUndefined();
    expect(fullDate('past', null, today)).toBeUndefined();
  });
});
