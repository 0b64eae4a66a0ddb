import { describe, expect, it } from 'vitest';
import { canonicalDate } from './dates.js';

describe('canonicalDate', () => {
  it.each([
    ['1988-08-18', '19880818'],
    ['1988/08/18', '19880818'],
    ['1988.8.1', '19880801'],
    ['1988-08-18T00:00:00Z', '19880818'],
    ['1988-08-18T10:15+02:00', '19880818'],
    ['18.08.1988', '19880818'],
    ['18/08/1988', '19880818'],
    ['1-2-2003', '20030201'],
    ['  2000-02-29 ', '20000229'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalDate(value)).toBe(expected);
  });

  it.each([
    '1988-02-30',
    '2001-02-29',
    '31.04.1990',
    '1988-13-01',
    '19880818',
    '1988-08',
    'born 1988-08-18',
    '18.08.88',
    '1988-08/18',
  ])('leaves %j alone: not exactly one real date in a known form', (value) => {
    expect(canonicalDate(value)).toBeUndefined();
  });
});
