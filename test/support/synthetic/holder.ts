import { countries } from '../../../src/core/countries.js';
import type { Random } from './random.js';

/** The personal data printed on a synthetic document, already in MRZ characters (A-Z, 0-9). */
export interface Holder {
  surname: string;
  givenNames: string[];
  /** Issuing state and nationality, ICAO 9303 three-letter codes (`D` is padded to `D<<`). */
  issuer: string;
  nationality: string;
  /** YYMMDD */
  birthDate: string;
  expiryDate: string;
  sex: 'M' | 'F' | '<';
  /** Up to 9 characters; shorter numbers are padded with fillers on the document. */
  documentNumber: string;
  /** Optional/personal data, possibly empty. */
  optional: string;
}

// Syllables rather than a list of real names: names of any length, no real person's name.
const onsets = [
  'B',
  'C',
  'D',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'Z',
  'CH',
  'SH',
  'TR',
];
const nuclei = ['A', 'E', 'I', 'O', 'U', 'AI', 'EI', 'OU', 'IA', 'Y'];
const codas = ['', '', '', 'N', 'R', 'S', 'L', 'M', 'K', 'T', 'NN', 'SS'];
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';

function name(random: Random, syllables: number): string {
  let text = '';
  for (let i = 0; i < syllables; i++) text += random.pick(onsets) + random.pick(nuclei) + random.pick(codas);
  return text;
}

function chars(random: Random, set: string, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += set[random.int(0, set.length - 1)]!;
  return text;
}

function yymmdd(year: number, month: number, day: number): string {
  return [year % 100, month, day].map((n) => String(n).padStart(2, '0')).join('');
}

// Real state codes plus the ICAO specimen state and Germany's one-letter code, which readers trip over.
const stateCodes = [...countries.map((c) => c.alpha3), 'UTO', 'D<<'];

function documentNumber(random: Random): string {
  switch (random.int(0, 3)) {
    case 0:
      return chars(random, alphabet, 2) + chars(random, digits, 7);
    case 1:
      return chars(random, digits, 9);
    case 2:
      return chars(random, alphabet + digits, 9);
    default:
      return chars(random, alphabet, 1) + chars(random, digits, random.int(6, 7));
  }
}

/** A random holder; `today` fixes the dates so that the document is current (issued, not expired). */
export function randomHolder(random: Random, today: Date): Holder {
  const year = today.getUTCFullYear();
  const state = random.pick(stateCodes);
  const givenCount = random.int(1, 3);
  return {
    surname: random.chance(0.2)
      ? `${name(random, random.int(1, 2))}<${name(random, 2)}`
      : name(random, random.int(1, 4)),
    givenNames: Array.from({ length: givenCount }, () => name(random, random.int(1, 3))),
    issuer: state,
    nationality: random.chance(0.85) ? state : random.pick(stateCodes),
    birthDate: yymmdd(random.int(year - 85, year - 18), random.int(1, 12), random.int(1, 28)),
    expiryDate: yymmdd(random.int(year + 1, year + 10), random.int(1, 12), random.int(1, 28)),
    sex: random.pick(['M', 'F', 'M', 'F', '<'] as const),
    documentNumber: documentNumber(random),
    optional: random.chance(0.5) ? '' : chars(random, digits + alphabet, random.int(3, 10)),
  };
}
