import type { MrzChecks, MrzFormat } from './types.js';

/**
 * What a position may hold. It drives both the structure check of a reading and the OCR repair, which
 * may only turn a character into a look-alike the position allows.
 */
export type FieldKind =
  | 'code' // document code: a letter, then a letter or a filler
  | 'country' // three letters, or fewer padded with fillers ('D<<')
  | 'alnum' // document numbers, optional data: letters, digits and fillers
  | 'date' // YYMMDD; fillers stand for an unknown part
  | 'digits'
  | 'check' // a check digit; where a filler is allowed is the check's business
  | 'sex'
  | 'name' // letters and fillers
  | 'filler'
  | 'literal'; // characters a format fixes (its pattern says which): checked, never repaired

/** Characters [start, end) of one line. */
export interface Slice {
  line: number;
  start: number;
  end: number;
}

export interface FieldSpec extends Slice {
  /** Key in `MrzParse.raw`. */
  key: string;
  kind: FieldKind;
  /** A format-specific shape on top of the kind's character set, with the reason shown when it fails. */
  pattern?: { test: RegExp; expected: string };
}

export interface CheckSpec {
  key: keyof MrzChecks;
  data: readonly Slice[];
  digit: { line: number; index: number };
  /** TD3 personal number: an empty field may carry '<' instead of 0 as its check digit. */
  fillerWhenEmpty?: boolean;
  /** TD1/TD2: a document number longer than 9 continues in this optional-data slice (see document-number.ts). */
  overflowInto?: Slice;
}

export interface Layout {
  format: Exclude<MrzFormat, 'unknown'>;
  lineLengths: readonly number[];
  fields: readonly FieldSpec[];
  checks: readonly CheckSpec[];
}

const field = (key: string, kind: FieldKind, line: number, start: number, end: number): FieldSpec => ({
  key,
  kind,
  line,
  start,
  end,
});

const slice = (line: number, start: number, end: number): Slice => ({ line, start, end });

const check = (key: keyof MrzChecks, digitLine: number, digitIndex: number, ...data: Slice[]): CheckSpec => ({
  key,
  data,
  digit: { line: digitLine, index: digitIndex },
});

const documentCode = (line: number, first: string): FieldSpec => ({
  ...field('documentCode', 'code', line, 0, 2),
  pattern: { test: new RegExp(`^[${first}]`), expected: `to start with ${[...first].join(', ')}` },
});

/** ICAO 9303 Part 5 (TD1): 3 lines of 30. Offsets are 0-based, ends exclusive. */
const td1: Layout = {
  format: 'TD1',
  lineLengths: [30, 30, 30],
  fields: [
    documentCode(0, 'ACI'),
    field('issuingState', 'country', 0, 2, 5),
    field('documentNumber', 'alnum', 0, 5, 14),
    field('documentNumberCheck', 'check', 0, 14, 15),
    field('optionalData', 'alnum', 0, 15, 30),
    field('dateOfBirth', 'date', 1, 0, 6),
    field('dateOfBirthCheck', 'check', 1, 6, 7),
    field('sex', 'sex', 1, 7, 8),
    field('dateOfExpiry', 'date', 1, 8, 14),
    field('dateOfExpiryCheck', 'check', 1, 14, 15),
    field('nationality', 'country', 1, 15, 18),
    field('optionalData2', 'alnum', 1, 18, 29),
    field('compositeCheck', 'check', 1, 29, 30),
    field('names', 'name', 2, 0, 30),
  ],
  checks: [
    { ...check('documentNumber', 0, 14, slice(0, 5, 14)), overflowInto: slice(0, 15, 30) },
    check('dateOfBirth', 1, 6, slice(1, 0, 6)),
    check('dateOfExpiry', 1, 14, slice(1, 8, 14)),
    check('composite', 1, 29, slice(0, 5, 30), slice(1, 0, 7), slice(1, 8, 15), slice(1, 18, 29)),
  ],
};

/** Line 2 of TD2, TD3 and both MRVs starts the same way. */
const lowerLineStart: FieldSpec[] = [
  field('documentNumber', 'alnum', 1, 0, 9),
  field('documentNumberCheck', 'check', 1, 9, 10),
  field('nationality', 'country', 1, 10, 13),
  field('dateOfBirth', 'date', 1, 13, 19),
  field('dateOfBirthCheck', 'check', 1, 19, 20),
  field('sex', 'sex', 1, 20, 21),
  field('dateOfExpiry', 'date', 1, 21, 27),
  field('dateOfExpiryCheck', 'check', 1, 27, 28),
];

const lowerLineChecks: CheckSpec[] = [
  check('documentNumber', 1, 9, slice(1, 0, 9)),
  check('dateOfBirth', 1, 19, slice(1, 13, 19)),
  check('dateOfExpiry', 1, 27, slice(1, 21, 27)),
];

const upperLine = (first: string, length: number): FieldSpec[] => [
  documentCode(0, first),
  field('issuingState', 'country', 0, 2, 5),
  field('names', 'name', 0, 5, length),
];

/** ICAO 9303 Part 6 (TD2): 2 lines of 36. */
const td2: Layout = {
  format: 'TD2',
  lineLengths: [36, 36],
  fields: [
    ...upperLine('ACI', 36),
    ...lowerLineStart,
    field('optionalData', 'alnum', 1, 28, 35),
    field('compositeCheck', 'check', 1, 35, 36),
  ],
  checks: [
    { ...lowerLineChecks[0]!, overflowInto: slice(1, 28, 35) },
    ...lowerLineChecks.slice(1),
    check('composite', 1, 35, slice(1, 0, 10), slice(1, 13, 20), slice(1, 21, 35)),
  ],
};

/** ICAO 9303 Part 4 (TD3, passports): 2 lines of 44. */
const td3: Layout = {
  format: 'TD3',
  lineLengths: [44, 44],
  fields: [
    ...upperLine('P', 44),
    ...lowerLineStart,
    field('personalNumber', 'alnum', 1, 28, 42),
    field('personalNumberCheck', 'check', 1, 42, 43),
    field('compositeCheck', 'check', 1, 43, 44),
  ],
  checks: [
    ...lowerLineChecks,
    { ...check('personalNumber', 1, 42, slice(1, 28, 42)), fillerWhenEmpty: true },
    check('composite', 1, 43, slice(1, 0, 10), slice(1, 13, 20), slice(1, 21, 43)),
  ],
};

/** ICAO 9303 Part 7 (visas): the TD3 and TD2 sizes without composite check digit. */
const mrva: Layout = {
  format: 'MRVA',
  lineLengths: [44, 44],
  fields: [...upperLine('V', 44), ...lowerLineStart, field('optionalData', 'alnum', 1, 28, 44)],
  checks: lowerLineChecks,
};

const mrvb: Layout = {
  format: 'MRVB',
  lineLengths: [36, 36],
  fields: [...upperLine('V', 36), ...lowerLineStart, field('optionalData', 'alnum', 1, 28, 36)],
  checks: lowerLineChecks,
};

/**
 * French national identity card issued until 2021: 2 lines of 36 like a TD2, but its own layout.
 * Line 2 starts with the 12-character card number (issue year and month, department, office, serial);
 * the composite covers line 1 and line 2 up to the sex.
 */
const frenchId: Layout = {
  format: 'FRENCH_ID',
  lineLengths: [36, 36],
  fields: [
    { ...field('documentCode', 'code', 0, 0, 2), pattern: { test: /^ID$/, expected: 'to be ID' } },
    field('issuingState', 'country', 0, 2, 5),
    field('surname', 'name', 0, 5, 30),
    field('administrativeCode', 'alnum', 0, 30, 36),
    field('documentNumber', 'alnum', 1, 0, 12),
    field('documentNumberCheck', 'check', 1, 12, 13),
    field('givenNames', 'name', 1, 13, 27),
    field('dateOfBirth', 'date', 1, 27, 33),
    field('dateOfBirthCheck', 'check', 1, 33, 34),
    field('sex', 'sex', 1, 34, 35),
    field('compositeCheck', 'check', 1, 35, 36),
  ],
  checks: [
    check('documentNumber', 1, 12, slice(1, 0, 12)),
    check('dateOfBirth', 1, 33, slice(1, 27, 33)),
    check('composite', 1, 35, slice(0, 0, 36), slice(1, 0, 35)),
  ],
};

/**
 * French driving licence, one line of 30 (EU model with a machine-readable line): document code,
 * state, 9-character number, its check digit over everything before it, expiry, the first 8 letters of
 * the surname and a final check digit over the whole line.
 */
const frenchDrivingLicence: Layout = {
  format: 'FRENCH_DRIVING_LICENCE',
  lineLengths: [30],
  fields: [
    // A letter and a digit, where a 'code' position would take letters only.
    {
      ...field('documentCode', 'literal', 0, 0, 2),
      pattern: { test: /^[ABD][0-9]$/, expected: 'to be A, B or D followed by a digit' },
    },
    field('issuingState', 'country', 0, 2, 5),
    field('documentNumber', 'alnum', 0, 5, 14),
    field('documentNumberCheck', 'check', 0, 14, 15),
    field('dateOfExpiry', 'date', 0, 15, 21),
    field('surname', 'name', 0, 21, 29),
    field('compositeCheck', 'check', 0, 29, 30),
  ],
  checks: [check('documentNumber', 0, 14, slice(0, 0, 14)), check('composite', 0, 29, slice(0, 0, 29))],
};

/**
 * Swiss driving licence (credit-card size since 2003): a line of 9, then two of 30, without any check
 * digit. Line 1: licence number (3 letters or digits, 3 digits, language D/F/I/R) and 2 fillers;
 * line 2: 'FA', 'CHE', PIN code, version, fillers, date of birth, fillers; line 3: names.
 */
const swissDrivingLicence: Layout = {
  format: 'SWISS_DRIVING_LICENCE',
  lineLengths: [9, 30, 30],
  fields: [
    {
      ...field('documentNumber', 'alnum', 0, 0, 7),
      pattern: { test: /^[A-Z0-9]{3}[0-9]{3}[DFIR]$/, expected: 'to be 3 letters or digits, 3 digits, D, F, I or R' },
    },
    field('separator', 'filler', 0, 7, 9),
    { ...field('documentCode', 'code', 1, 0, 2), pattern: { test: /^FA$/, expected: 'to be FA' } },
    field('issuingState', 'country', 1, 2, 5),
    field('pinCode', 'digits', 1, 5, 14),
    field('versionNumber', 'digits', 1, 14, 17),
    field('separator2', 'filler', 1, 17, 19),
    field('dateOfBirth', 'date', 1, 19, 25),
    field('separator3', 'filler', 1, 25, 30),
    field('names', 'name', 2, 0, 30),
  ],
  checks: [],
};

export const layouts: Readonly<Record<Layout['format'], Layout>> = {
  TD1: td1,
  TD2: td2,
  TD3: td3,
  MRVA: mrva,
  MRVB: mrvb,
  FRENCH_ID: frenchId,
  FRENCH_DRIVING_LICENCE: frenchDrivingLicence,
  SWISS_DRIVING_LICENCE: swissDrivingLicence,
};

export const textOf = (lines: readonly string[], { line, start, end }: Slice): string =>
  (lines[line] ?? '').slice(start, end);
