import { readable, withoutFillers } from './alphabet.js';
import { type CalendarDate, formatDate, resolveBirthDate, resolveExpiryDate } from './dates.js';
import { type DocumentNumberCheck, documentNumberText } from './document-number.js';
import { type Layout, textOf } from './layouts.js';
import { splitNameField } from './names.js';
import type { MrzFields, MrzSex } from './types.js';

/** Each field of the layout exactly as printed. */
export function readRaw(layout: Layout, lines: readonly string[]): Record<string, string> {
  return Object.fromEntries(layout.fields.map((spec) => [spec.key, textOf(lines, spec)]));
}

const sexOf = (char: string | undefined): MrzSex | null => {
  if (char === 'M' || char === 'F' || char === 'X') return char;
  // ICAO writes '<' for unspecified, which is what 'X' means too.
  return char === '<' ? 'X' : null;
};

export interface ResolvedDates {
  birth: CalendarDate | null;
  expiry: CalendarDate | null;
}

export function resolveDates(raw: Readonly<Record<string, string>>, today: CalendarDate): ResolvedDates {
  const birth = raw.dateOfBirth === undefined ? null : resolveBirthDate(raw.dateOfBirth, today);
  const expiry = raw.dateOfExpiry === undefined ? null : resolveExpiryDate(raw.dateOfExpiry, today);
  return { birth, expiry };
}

/** The fields for people and programs: fillers dropped or turned into spaces, dates in ISO form. */
export function readFields(
  raw: Readonly<Record<string, string>>,
  dates: ResolvedDates,
  longNumber: DocumentNumberCheck | null,
): MrzFields {
  const names =
    raw.names === undefined
      ? { surname: readable(raw.surname ?? ''), givenNames: readable(raw.givenNames ?? '') }
      : splitNameField(raw.names);
  const optional = raw.optionalData ?? raw.administrativeCode ?? '';
  const fields: MrzFields = {
    documentCode: readable(raw.documentCode ?? ''),
    issuingState: withoutFillers(raw.issuingState ?? ''),
    documentNumber: documentNumberText(raw.documentNumber ?? '', longNumber),
    dateOfBirth: dates.birth && formatDate(dates.birth),
    sex: sexOf(raw.sex),
    dateOfExpiry: dates.expiry && formatDate(dates.expiry),
    nationality: raw.nationality === undefined ? null : withoutFillers(raw.nationality),
    surname: names.surname,
    givenNames: names.givenNames,
    optionalData: readable(optional.slice(longNumber?.overflowLength ?? 0)),
  };
  if (raw.optionalData2 !== undefined) fields.optionalData2 = readable(raw.optionalData2);
  if (raw.personalNumber !== undefined) fields.personalNumber = readable(raw.personalNumber);
  return fields;
}
