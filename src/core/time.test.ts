import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseIsoDateTime, toIsoSeconds, utcDay } from './time.js';

describe('time', () => {
  it('formats as ISO-8601 UTC seconds', () => {
    expect(toIsoSeconds(Date.UTC(2022, 0, 1, 9, 0, 0, 999))).toBe('2022-01-01T09:00:00Z');
  });

  it('parses date-times with an offset and refuses impossible dates', () => {
    expect(parseIsoDateTime('2022-01-01T09:00:00Z')).toBe(Date.UTC(2022, 0, 1, 9));
    expect(parseIsoDateTime('2022-01-01T10:00:00+01:00')).toBe(Date.UTC(2022, 0, 1, 9));
    expect(parseIsoDateTime('2022-02-30T09:00:00Z')).toBeNull();
    expect(parseIsoDateTime('2022-01-01')).toBeNull();
    expect(parseIsoDateTime('yesterday')).toBeNull();
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('1988-08-18')).toBe(true);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1988-8-18')).toBe(false);
  });

  it('names the UTC day of an instant, also just before and after midnight', () => {
    expect(utcDay(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29');
    expect(utcDay(Date.UTC(2024, 2, 1, 0, 0, 0))).toBe('2024-03-01');
  });
});
