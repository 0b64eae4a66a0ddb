import { describe, expect, it } from 'vitest';
import { toE164 } from './phone-numbers.js';

describe('phone numbers for the SMS handover', () => {
  it('keeps international numbers, written with + or 00', () => {
    expect(toE164('+47 123 45 678', 'NOR')).toBe('+4712345678');
    expect(toE164('0031 6 12345678', 'NOR')).toBe('+31612345678');
  });

  it("adds the default country's code to a national number, dropping its trunk 0", () => {
    expect(toE164('06-12345678', 'NLD')).toBe('+31612345678');
    expect(toE164('412 34 567', 'NOR')).toBe('+4741234567');
  });

  it('refuses what cannot be a number, and national numbers of countries it has no code for', () => {
    expect(toE164('call me', 'NOR')).toBeUndefined();
    expect(toE164('+12', 'NOR')).toBeUndefined();
    expect(toE164('0612345678', 'BTN')).toBeUndefined();
    expect(toE164('0612345678', null)).toBeUndefined();
  });
});
