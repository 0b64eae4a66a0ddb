import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusFile as inCorpus, sharedMaterial } from '../../../test/support/shared-material.js';
import { checkDigit, type MrzChecks, type MrzFormat, type MrzParse, parseMrz, repairMrz } from './index.js';

/**
 * Every case of the shared MRZ corpus (cases gathered from the test suites of public MRZ libraries,
 * with expectations recomputed by the corpus collector) and its check-digit examples.
 */
const corpusFile = inCorpus('mrz/mrz_cases.json');
const available = sharedMaterial('the MRZ corpus cases', corpusFile);

interface CorpusCheck {
  data: string;
  digit: string;
  computed: string | null;
  computedIncludingFiller?: string;
  valid: boolean;
}
interface CorpusCase {
  id: string;
  format: string | null;
  lines: string[];
  expected?: Record<string, string>;
  sourceAssertedFields?: Record<string, unknown>;
  checkDigits?: Record<string, CorpusCheck>;
  allCheckDigitsValid?: boolean | null;
  datesWellFormed?: Record<string, boolean>;
  expectError?: string;
  ocr?: { correctsToCase: string; correctedLines?: string[] };
  sourceVerdict?: string;
}
interface CheckDigitExample {
  input: string;
  checkDigit: string | null;
  compositeInput?: string;
  equalsCheckDigitOf?: string;
  invalidInput?: boolean;
}
interface Corpus {
  counts: { cases: number; checkDigitExamples: number };
  cases: CorpusCase[];
  checkDigitExamples: CheckDigitExample[];
}

const corpus: Corpus = available
  ? (JSON.parse(readFileSync(corpusFile, 'utf8')) as Corpus)
  : { counts: { cases: 0, checkDigitExamples: 0 }, cases: [], checkDigitExamples: [] };
const byId = new Map(corpus.cases.map((c) => [c.id, c]));
// A fixed day, so that the century of every date, and so every assertion, is the same on any day.
const today = '2026-01-01';

const formats: Record<string, MrzFormat> = {
  TD1: 'TD1',
  TD2: 'TD2',
  TD3: 'TD3',
  MRVA: 'MRVA',
  MRVB: 'MRVB',
  FRENCH_NATIONAL_ID: 'FRENCH_ID',
  FRENCH_DRIVING_LICENSE: 'FRENCH_DRIVING_LICENCE',
  SWISS_DRIVING_LICENSE: 'SWISS_DRIVING_LICENCE',
};
const checkNames: Record<string, keyof MrzChecks> = {
  documentNumber: 'documentNumber',
  birthDate: 'dateOfBirth',
  expirationDate: 'dateOfExpiry',
  personalNumber: 'personalNumber',
  composite: 'composite',
};
const sexes: Record<string, string> = { male: 'M', female: 'F', unspecified: 'X' };
const readable = (text: string): string => text.replace(/<+/g, ' ').trim();

/**
 * Cases whose check digits all hold but whose structure is wrong: the corpus states no verdict for
 * them, we reject them and say why.
 */
const structureFaults: Record<string, RegExp> = {
  // Issuing state "UT0" has a digit zero: a country code is letters only.
  'jmrtd-td1-cuto-stevenson': /^issuingState: 'UT0' should hold three letters/,
};

/** Codes the corpus marks as unassigned or misread; every other code of the corpus is assigned. */
const unassignedCodes: Record<string, { issuingState: boolean; nationality: boolean }> = {
  'td2-utopia-ocr-noisy': { issuingState: true, nationality: false }, // UT0, as read
  'td3-utopia-ocr-noisy': { issuingState: false, nationality: true }, // UT0, as read
  'jmrtd-td1-cuto-stevenson': { issuingState: false, nationality: true }, // UT0
  'mrvb-deu-dedic-bos': { issuingState: true, nationality: false }, // BOS, withdrawn for BIH
  'jmrtd-td1-gbr-sample-susanna': { issuingState: true, nationality: false }, // COU
  'td3-asu-arabic-mxhmwd': { issuingState: false, nationality: false }, // ASU
  'td3-inp-interpol-specimen': { issuingState: false, nationality: true }, // INP (ICAO's code for INTERPOL is XPO)
  'td1-bad-everything': { issuingState: false, nationality: false }, // BAD
};

/** The corpus fields (its names) as our parse shows them. */
function expectFields(parse: MrzParse, expected: Record<string, unknown>, c: CorpusCase): void {
  const { fields, raw } = parse;
  const has = (key: string): boolean => expected[key] !== undefined;
  if (has('documentCode')) expect(fields.documentCode).toBe(expected.documentCode);
  if (has('issuingState')) expect(fields.issuingState).toBe(expected.issuingState);
  if (has('documentNumber')) expect(fields.documentNumber).toBe(expected.documentNumber);
  if (has('nationality')) expect(fields.nationality).toBe(expected.nationality);
  else if (c.expected) expect(fields.nationality).toBeNull();
  if (has('lastName')) expect(fields.surname).toBe(expected.lastName);
  if (has('firstName')) expect(fields.givenNames).toBe(expected.firstName);
  if (has('sex')) expect(fields.sex).toBe(sexes[String(expected.sex)]);
  if (has('birthDate')) expect(raw.dateOfBirth).toBe(expected.birthDate);
  if (has('expirationDate')) expect(raw.dateOfExpiry).toBe(expected.expirationDate);
  for (const [key, date] of [
    ['birthDate', fields.dateOfBirth],
    ['expirationDate', fields.dateOfExpiry],
  ] as const) {
    // A real date keeps its digits once the century is resolved; an unreal one is not shown as a date.
    if (c.datesWellFormed?.[key] === true) expect(date?.replaceAll('-', '').slice(2)).toBe(expected[key]);
    if (c.datesWellFormed?.[key] === false) expect(date).toBeNull();
  }
  if (has('personalNumberRaw')) expect(raw.personalNumber).toBe(expected.personalNumberRaw);
  if (has('personalNumber')) expect(fields.personalNumber).toBe(expected.personalNumber);
  if (has('optionalDataRaw')) expect(raw.optionalData).toBe(expected.optionalDataRaw);
  if (has('optionalData')) expect(fields.optionalData).toBe(expected.optionalData);
  if (has('optional2Raw')) expect(raw.optionalData2).toBe(expected.optional2Raw);
  if (has('optional2')) expect(fields.optionalData2).toBe(expected.optional2);
  if (has('administrativeCode')) expect(fields.optionalData).toBe(expected.administrativeCode);
  if (has('optional1Raw')) {
    expect(raw.optionalData).toBe(expected.optional1Raw);
    // The corpus keeps a long document number's overflow (and its check digit) in optional data 1;
    // we move it into the number, so our optional data starts after it.
    const number = String(expected.documentNumber);
    const overflow = number.length > 9 ? number.slice(9) + String(c.checkDigits?.documentNumber?.digit) : '';
    expect(String(expected.optional1Raw).startsWith(overflow)).toBe(true);
    expect(fields.optionalData).toBe(readable(String(expected.optional1Raw).slice(overflow.length)));
  }
}

function expectChecks(parse: MrzParse, c: CorpusCase): void {
  const expected: MrzChecks = {};
  for (const [name, check] of Object.entries(c.checkDigits ?? {})) expected[checkNames[name]!] = check.valid;
  expect(parse.checks).toEqual(expected);
  for (const check of Object.values(c.checkDigits ?? {})) {
    // The corpus computed every check digit independently: ours must agree on the same data.
    if (check.computed !== null) expect(String(checkDigit(check.data))).toBe(check.computed);
    if (check.computedIncludingFiller !== undefined) {
      const withFiller = `${check.data.slice(0, 9)}<${check.data.slice(9)}`;
      expect(String(checkDigit(withFiller))).toBe(check.computedIncludingFiller);
    }
  }
}

describe.skipIf(!available)('MRZ corpus (mrz_cases.json)', () => {
  it('holds the number of cases and examples its manifest states', () => {
    expect(corpus.cases).toHaveLength(corpus.counts.cases);
    expect(corpus.checkDigitExamples).toHaveLength(corpus.counts.checkDigitExamples);
  });

  it.each(corpus.checkDigitExamples.map((e) => [e.compositeInput ?? e.input, e] as const))(
    'check digit of %s',
    (input, example) => {
      if (example.invalidInput) expect(() => checkDigit(input)).toThrow(RangeError);
      else if (example.equalsCheckDigitOf) expect(checkDigit(input)).toBe(checkDigit(example.equalsCheckDigitOf));
      else expect(checkDigit(input)).toBe(Number(example.checkDigit));
    },
  );

  const malformed = corpus.cases.filter((c) => c.expectError);
  it.each(malformed.map((c) => [c.id, c] as const))('%s is rejected as no supported format', (_id, c) => {
    const parse = parseMrz(c.lines, { today });
    expect(parse.format).toBe('unknown');
    expect(parse.valid).toBe(false);
    expect(parse.problems).toEqual([expect.stringMatching(/^lines: .* match no supported format/)]);
    // Repair never pads a short line nor drops a line, so these stay unreadable.
    expect(repairMrz(c.lines).valid).toBe(false);
  });

  const noisy = corpus.cases.filter((c) => c.ocr);
  it.each(noisy.map((c) => [c.id, c] as const))('%s fails as read and is repaired into its clean case', (_id, c) => {
    const target = byId.get(c.ocr!.correctsToCase)!;
    expect(parseMrz(c.lines, { today }).valid).toBe(false);
    const repair = repairMrz(c.lines);
    expect(repair.lines).toEqual(c.ocr!.correctedLines ?? target.lines);
    expect(repair.lines).toEqual(target.lines);
    expect(repair.valid).toBe(true);
    expect(repair.corrections).toBeGreaterThan(0);
  });

  const parsed = corpus.cases.filter((c) => !c.expectError);
  it.each(parsed.map((c) => [c.id, c] as const))('%s parses as the corpus expects', (_id, c) => {
    const parse = parseMrz(c.lines, { today });
    if (!c.expected && !c.checkDigits) {
      // Noisy OCR text whose lines do not have the shape of their format: covered by the repair test.
      if (c.ocr) return expect(parse.valid).toBe(false);
      // The driving licences: the corpus only has the fields the source asserts, and its verdict.
      expect(parse.format).toBe(formats[String(c.format)]);
      expectFields(parse, c.sourceAssertedFields ?? {}, c);
      expect(c.sourceVerdict).toBe('valid');
      expect(parse.valid).toBe(true);
      return;
    }
    expect(parse.format).toBe(formats[String(c.format)]);
    expectFields(parse, c.expected ?? {}, c);
    expectChecks(parse, c);
    if (c.datesWellFormed) {
      expect(parse.validation.datesReal).toBe(Object.values(c.datesWellFormed).every(Boolean));
    }
    const codes = unassignedCodes[c.id] ?? { issuingState: true, nationality: parse.fields.nationality !== null };
    expect(parse.validation).toMatchObject({
      knownIssuingState: codes.issuingState,
      knownNationality: codes.nationality,
    });
    const fault = structureFaults[c.id];
    expect(parse.valid).toBe(c.allCheckDigitsValid === true && !fault);
    if (fault) expect(parse.problems).toContainEqual(expect.stringMatching(fault));
    // Every failing check digit is named in the problems.
    for (const [name, holds] of Object.entries(parse.checks)) {
      if (!holds) expect(parse.problems.some((p) => p.startsWith(`${name}: `))).toBe(true);
    }
  });

  it('rejects the invalid character of fra-cni-invalid-char and names the field', () => {
    const parse = parseMrz(byId.get('fra-cni-invalid-char')!.lines, { today });
    expect(parse.problems[0]).toMatch(/^documentNumber: '1710GV\?12345' should hold letters, digits and '<' only/);
  });

  it('keeps td1-nld-resident-optional2-ocr invalid: four look-alike corrections fit its composite', () => {
    // The source corrects optional data 2 ('1' -> 'I'); but 'S' -> '5' and '2' -> 'Z' in optional data 1
    // and '8' -> 'B' in optional data 2 make the composite hold just as well, so no reading can be chosen
    // (and repairMrz does not search optional data, which only the composite covers).
    const c = byId.get('td1-nld-resident-optional2-ocr')!;
    const repair = repairMrz(c.lines);
    expect(repair.valid).toBe(false);
    expect(repair.lines).toEqual(c.lines);
    const corrected = [c.lines[0]!, c.lines[1]!.replace('RUS<1<89', 'RUS<I<89'), c.lines[2]!];
    expect(parseMrz(corrected, { today }).valid).toBe(true);
  });
});
