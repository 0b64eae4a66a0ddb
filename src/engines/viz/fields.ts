import type { MrzFields } from '../mrz/index.js';
import {
  comparable,
  compact,
  consistentText,
  distance,
  parsePrintedDate,
  parsePrintedSex,
  printedDateForms,
  tolerance,
} from './compare.js';
import { findByHint, findByLabel, findDate, type Located } from './locate-fields.js';
import type { Page } from './page.js';
import { sourceBox } from './page.js';
import type { OcrTextLine } from './text-ocr.js';
import type { VizField, VizFieldName, VizFields } from './types.js';

/** Printed captions, in comparison form, most specific first (English, French, German, Spanish). */
const labels: Record<VizFieldName, readonly (readonly string[])[]> = {
  surname: [['SURNAME'], ['SURNAMES'], ['FAMILY', 'NAME'], ['NACHNAME'], ['APELLIDOS'], ['NOM']],
  givenNames: [['GIVEN', 'NAMES'], ['GIVEN', 'NAME'], ['FORENAMES'], ['PRENOMS'], ['VORNAMEN'], ['NOMBRE']],
  documentNumber: [['PASSPORT', 'NO'], ['DOCUMENT', 'NO'], ['DOCUMENT', 'NUMBER'], ['CARD', 'NO'], ['NO']],
  dateOfBirth: [['DATE', 'OF', 'BIRTH'], ['BIRTH'], ['NAISSANCE'], ['GEBURTSTAG'], ['NACIMIENTO']],
  dateOfExpiry: [['DATE', 'OF', 'EXPIRY'], ['EXPIRY'], ['EXPIRATION'], ['VALID', 'UNTIL'], ['GULTIG', 'BIS']],
  nationality: [['NATIONALITY'], ['NATIONALITE'], ['STAATSANGEHORIGKEIT'], ['NACIONALIDAD']],
  sex: [['SEX'], ['SEXE'], ['GESCHLECHT'], ['SEXO']],
};

/**
 * Below this OCR confidence a value found only by its label is not trusted: it would be compared with
 * the MRZ and, misread, reported as a mismatch. (A value found by resemblance to the MRZ is vouched
 * for by the resemblance itself.)
 */
const labelConfidence = 0.7;

/** What the MRZ says a field holds, in comparison form; undefined when the MRZ does not carry it. */
function expected(name: VizFieldName, mrz: MrzFields): string | undefined {
  switch (name) {
    case 'surname':
      return comparable(mrz.surname) || undefined;
    case 'givenNames':
      return comparable(mrz.givenNames) || undefined;
    case 'documentNumber':
      return compact(mrz.documentNumber) || undefined;
    case 'dateOfBirth':
      return mrz.dateOfBirth ?? undefined;
    case 'dateOfExpiry':
      return mrz.dateOfExpiry ?? undefined;
    case 'nationality':
      return mrz.nationality ? comparable(mrz.nationality) : undefined;
    case 'sex':
      return mrz.sex ?? undefined;
  }
}

const isDate = (name: VizFieldName): name is 'dateOfBirth' | 'dateOfExpiry' =>
  name === 'dateOfBirth' || name === 'dateOfExpiry';

/** A value found by resemblance, with the edits between what was read and the MRZ value as printed. */
type Hinted = Located & { distance: number };

/** Looks for the value by resemblance to the MRZ's: names and numbers (and dates in their printed forms). */
function hint(name: VizFieldName, target: string, lines: readonly OcrTextLine[]): Hinted | undefined {
  switch (name) {
    case 'surname':
    case 'givenNames':
      return findByHint(lines, [target]);
    case 'documentNumber':
      return target.length >= 5 ? findByHint(lines, [target], '') : undefined;
    case 'dateOfBirth':
    case 'dateOfExpiry':
      return findByHint(lines, printedDateForms(target)) ?? findDate(lines, target);
    case 'nationality': {
      // Three letters are found by chance inside other text: only a word that is exactly the code counts.
      const found = findByHint(lines, [target]);
      return found && found.distance === 0 && found.words.length === 1 ? found : undefined;
    }
    case 'sex': {
      // One letter is found by chance anywhere: only a line that holds nothing but it, and only one such.
      const alone = lines.filter(
        (line) =>
          line.words.length === 1 &&
          parsePrintedSex(line.words[0]!.text) === target &&
          comparable(line.words[0]!.text).length <= 3,
      );
      if (alone.length !== 1) return undefined;
      const word = alone[0]!.words[0]!;
      return { words: [word], text: comparable(word.text), confidence: word.confidence, distance: 0 };
    }
  }
}

/**
 * Whether text found under a caption reads as a value of the field at all (a date, a name, a number):
 * otherwise it is other print (a second caption, a stamp) and saying it differs from the MRZ would be wrong.
 */
function plausible(name: VizFieldName, value: { value: string; date?: VizField['date'] }): boolean {
  switch (name) {
    case 'dateOfBirth':
    case 'dateOfExpiry':
      return value.date !== 'unparsed';
    case 'surname':
    case 'givenNames':
      return /[A-Z]{2}/.test(value.value);
    case 'documentNumber':
      return value.value.length >= 5;
    case 'nationality':
      return /^[A-Z]{3}/.test(value.value);
    case 'sex':
      return true;
  }
}

/** Whether the printed value is the MRZ's, allowing for OCR slips (see `consistentText`). */
function consistent(name: VizFieldName, value: string, target: string, edits: number, truncated: boolean): boolean {
  switch (name) {
    case 'surname':
    case 'givenNames':
      return edits <= tolerance(target.length) || consistentText(value, target, truncated);
    case 'documentNumber':
      return edits <= tolerance(target.length) || consistentText(value, target, false);
    case 'dateOfBirth':
    case 'dateOfExpiry':
      return edits <= tolerance(target.length);
    case 'nationality':
    case 'sex':
      return edits === 0;
  }
}

/** Words of the captions themselves: text holding one is the next caption, not a value. */
const captionWords = new Set(
  Object.values(labels)
    .flatMap((phrases) => phrases.flat())
    .filter((word) => word.length > 2),
);

/** The value in comparison form, and how a date was understood. */
function valueOf(
  name: VizFieldName,
  found: Located,
  target: string,
): { value: string; date?: VizField['date'] } | undefined {
  if (isDate(name)) return parsePrintedDate(found.text, Number(target.slice(0, 4)));
  if (name === 'sex') {
    const sex = parsePrintedSex(found.text);
    return sex === undefined ? undefined : { value: sex };
  }
  if (name === 'documentNumber') return { value: compact(found.text) };
  return { value: found.text };
}

/**
 * Finds each printed field the MRZ also holds. By resemblance first (the MRZ says what to look for,
 * which also finds values whose captions are unreadable or absent); failing that, by the caption, so
 * that a value that differs from the MRZ (a tampered page) is still found and reported as different.
 * `problems` gets a line per field not found; nothing is ever filled in from the MRZ.
 */
export function readFields(
  lines: readonly OcrTextLine[],
  page: Page,
  mrz: MrzFields,
  names: readonly VizFieldName[],
  problems: string[],
  options: { namesTruncated?: boolean } = {},
): VizFields {
  const fields: VizFields = {};
  for (const name of names) {
    const target = expected(name, mrz);
    if (target === undefined) {
      problems.push(`${name}: not in the MRZ, so not looked for`);
      continue;
    }
    const hinted = hint(name, target, lines);
    let found: Located | undefined = hinted;
    let foundBy: VizField['foundBy'] = 'mrz-hint';
    if (!found) {
      found = findByLabel(lines, labels[name]);
      foundBy = 'label';
      if (found && found.confidence < labelConfidence) {
        problems.push(`${name}: found under its caption but not read with confidence`);
        continue;
      }
    }
    const value = found && valueOf(name, found, target);
    const caption = found?.text.split(' ').some((word) => captionWords.has(word));
    if (found && value && foundBy === 'label' && (caption || !plausible(name, value))) {
      problems.push(`${name}: the text under its caption does not read as one`);
      continue;
    }
    if (!found || !value) {
      problems.push(`${name}: not found`);
      continue;
    }
    // A value found by resemblance is as close as the resemblance, even when it does not parse (`O5 FEB 1965`).
    const edits = Math.min(distance(value.value, target), hinted?.distance ?? Infinity);
    const x0 = Math.min(...found.words.map((w) => w.x0));
    const y0 = Math.min(...found.words.map((w) => w.y0));
    const x1 = Math.max(...found.words.map((w) => w.x1));
    const y1 = Math.max(...found.words.map((w) => w.y1));
    fields[name] = {
      text: found.words.map((word) => word.text).join(' '),
      ...value,
      confidence: Math.round(found.confidence * 1000) / 1000,
      box: sourceBox(page, x0, y0, x1, y1),
      foundBy,
      distance: edits,
      matchesMrz: consistent(name, value.value, target, edits, options.namesTruncated ?? false),
    };
  }
  return fields;
}
