import type { Draw } from './random.js';

/** ICAO 9303 layouts this generator prints: ID cards (3 x 30) and passports (2 x 44). */
export type HeldoutFamily = 'td1' | 'td3';

const weights = [7, 3, 1];

/** The 7-3-1 check digit, written here again so this generator shares no code with the reader. */
function check(text: string): string {
  let sum = 0;
  [...text].forEach((char, i) => {
    const value = /[0-9]/.test(char) ? Number(char) : /[A-Z]/.test(char) ? char.charCodeAt(0) - 55 : 0;
    sum += value * weights[i % 3]!;
  });
  return String(sum % 10);
}

const pad = (text: string, length: number): string => (text + '<'.repeat(length)).slice(0, length);

const states = ['NLD', 'D<<', 'FRA', 'ESP', 'ITA', 'BEL', 'AUT', 'POL', 'SWE', 'FIN', 'PRT', 'CZE', 'IRL', 'GRC'];
const surnames = ['DE BOER', 'OSTROWSKA', 'VAN DER BERG', 'MUELLER', 'GARCIA LOPEZ', 'NIEMINEN', 'ROSSI', 'DUBOIS'];
const givens = ['ANNA MARIA', 'JOHANNES', 'ZOE', 'PIOTR', 'ELENA', 'OSKAR', 'SOFIA LUISA', 'MATEO', 'ODILE'];

function yymmdd(random: Draw, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return [year % 100, month, day].map((n) => String(n).padStart(2, '0')).join('');
}

/**
 * A document number of the kinds issuers print: all digits, letters then digits, or mixed. Digits
 * 0, 5, 8 and letters O, S, B, D come often: they are the look-alikes that test the reader.
 */
function documentNumber(random: Draw): string {
  const digit = (): string => random.pick(['0', '5', '8', '1', '2', '3', '4', '6', '7', '9', '0', '5']);
  const letter = (): string => random.pick([...'ABCDEFGHJKLMNPRSTUVWXYZ', 'O', 'S', 'D']);
  const kind = random.int(0, 2);
  const length = random.int(7, 9);
  return Array.from({ length }, (_, i) =>
    kind === 0 ? digit() : kind === 1 ? (i < 2 ? letter() : digit()) : random.chance(0.35) ? letter() : digit(),
  ).join('');
}

const nameField = (surname: string, given: string, length: number): string =>
  pad(`${surname.replaceAll(' ', '<')}<<${given.replaceAll(' ', '<')}`, length);

/** The MRZ lines of a random holder, every check digit right. */
export function heldoutMrz(random: Draw, family: HeldoutFamily): string[] {
  const state = random.pick(states);
  const nationality = random.chance(0.8) ? state : random.pick(states);
  const number = pad(documentNumber(random), 9);
  const birth = yymmdd(random, 1950, 2006);
  const expiry = yymmdd(random, 2026, 2035);
  const sex = random.pick(['M', 'F', '<']);
  const surname = random.pick(surnames);
  const given = random.pick(givens);
  if (family === 'td3') {
    const optional = random.chance(0.5) ? '<'.repeat(14) : pad(String(random.int(1e6, 1e9)), 14);
    const optionalCheck = /^<+$/.test(optional) ? '<' : check(optional);
    const head = `${number}${check(number)}${nationality}${birth}${check(birth)}${sex}${expiry}${check(expiry)}`;
    const composite = check(
      `${head.slice(0, 10)}${head.slice(13, 20)}${head.slice(21, 28)}${optional}${optionalCheck}`,
    );
    return [`P<${state}${nameField(surname, given, 39)}`, `${head}${optional}${optionalCheck}${composite}`];
  }
  const code = random.pick(['ID', 'I<', 'IR']);
  const optional1 = random.chance(0.5) ? '<'.repeat(15) : pad(String(random.int(1e4, 1e8)), 15);
  const line1 = `${code}${state}${number}${check(number)}${optional1}`;
  const optional2 = pad(random.chance(0.7) ? '' : String(random.int(10, 99999)), 11);
  const body = `${birth}${check(birth)}${sex}${expiry}${check(expiry)}${nationality}${optional2}`;
  const composite = check(`${line1.slice(5, 30)}${body.slice(0, 7)}${body.slice(8, 15)}${body.slice(18, 29)}`);
  return [line1, `${body}${composite}`, nameField(surname, given, 30)];
}
