import { describe, expect, it } from 'vitest';
import { checkDigit } from './check-digit.js';
import { compensatingRival } from './compensating.js';
import { parseMrz } from './parse.js';

/** A TD3 zone with every check digit computed over the document number as given. */
function passport(documentNumber: string): string[] {
  const number = documentNumber.padEnd(9, '<');
  const body = `${number}${checkDigit(number)}UTO7408122F320415${checkDigit('320415')}${'<'.repeat(14)}0`;
  const composite = checkDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return ['P<UTOERIKSSON<<ANNA<MARIA'.padEnd(44, '<'), `${body}${composite}`];
}

/** A TD1 zone: the document number on the first line, optional data after it. */
function idCard(documentNumber: string, optional = ''): string[] {
  const number = documentNumber.padEnd(9, '<');
  const line1 = `I<UTO${number}${checkDigit(number)}${optional.padEnd(15, '<')}`;
  const body = `7408122F320415${checkDigit('320415')}UTO${'<'.repeat(11)}`;
  const composite = checkDigit(line1.slice(5, 30) + body.slice(0, 7) + body.slice(8, 15) + body.slice(18, 29));
  return [line1, `${body}${composite}`, 'ERIKSSON<<ANNA<MARIA'.padEnd(30, '<')];
}

describe('compensatingRival', () => {
  it('finds the reported misread: 650 read 6SD keeps every check digit, and the digits are the rival', () => {
    const truth = passport('126504718');
    // 5 as S (+23) at weight 7 and 0 as D (+13) at weight 3: the sums differ by 200.
    const misread = passport('126SD4718');
    expect(misread[1]).toBe(truth[1]!.replace('126504718', '126SD4718'));
    expect(parseMrz(misread).valid).toBe(true);
    expect(compensatingRival(misread)).toEqual(truth);
  });

  it('finds the same pair at the end of the number, before the fillers', () => {
    const misread = passport('234716SD');
    expect(parseMrz(misread).valid).toBe(true);
    expect(compensatingRival(misread)).toEqual(passport('23471650'));
  });

  it('finds two O wedged between digits whose swap the check digit cannot see (24 at weights 7 and 3)', () => {
    // O for 0 adds 24 per position: two of them at weights 7 and 3 add 240.
    const misread = idCard('6217O1O97');
    expect(parseMrz(misread).valid).toBe(true);
    expect(compensatingRival(misread)).toEqual(idCard('621701097'));
  });

  it('leaves the true digits alone: 650 read right has no rival that puts letters among digits', () => {
    expect(compensatingRival(passport('126504718'))).toBeNull();
  });

  it('leaves a letter prefix alone, as issuers print it (ICAO specimen L898902C3, L and 1 differ by 20)', () => {
    expect(compensatingRival(passport('L898902C3'))).toBeNull();
  });

  it('leaves letters and digits mixed at random in the optional data alone', () => {
    const card = idCard('AB1234567', '6217O1O97');
    expect(parseMrz(card).valid).toBe(true);
    expect(compensatingRival(card)).toBeNull();
  });

  it('says nothing about a reading whose check digits do not hold', () => {
    const broken = passport('126SD4718');
    broken[1] = broken[1]!.slice(0, 9) + String((Number(broken[1]!.charAt(9)) + 1) % 10) + broken[1]!.slice(10);
    expect(compensatingRival(broken)).toBeNull();
  });
});
