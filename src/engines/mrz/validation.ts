import { isKnownMrzCountry } from './countries.js';
import { type CalendarDate, ageOn, formatDate, isOnOrAfter } from './dates.js';
import type { ResolvedDates } from './fields.js';
import type { MrzValidation } from './types.js';

export interface ValidationInput {
  raw: Readonly<Record<string, string>>;
  dates: ResolvedDates;
  today: CalendarDate;
  minimumAge: number;
}

const notReal = (field: string, yymmdd: string): string =>
  /</.test(yymmdd) ? `${field}: ${yymmdd} is partly unknown` : `${field}: ${yymmdd} is not a real date`;

/**
 * What the document says beyond its check digits: real dates, not expired, holder of age, assigned
 * country codes. These never make a reading invalid; they are verdicts for the caller to weigh.
 */
export function validate({ raw, dates, today, minimumAge }: ValidationInput): {
  validation: MrzValidation;
  problems: string[];
} {
  const problems: string[] = [];
  let datesReal = true;
  if (raw.dateOfBirth !== undefined && !dates.birth) {
    datesReal = false;
    problems.push(notReal('dateOfBirth', raw.dateOfBirth));
  }
  if (raw.dateOfExpiry !== undefined && !dates.expiry) {
    datesReal = false;
    problems.push(notReal('dateOfExpiry', raw.dateOfExpiry));
  }

  const notExpired = dates.expiry !== null && isOnOrAfter(dates.expiry, today);
  if (raw.dateOfExpiry === undefined) problems.push('dateOfExpiry: not in this format, expiry cannot be checked');
  else if (dates.expiry && !notExpired) problems.push(`dateOfExpiry: expired on ${formatDate(dates.expiry)}`);

  const age = dates.birth && ageOn(dates.birth, today);
  const ofAge = age !== null && age >= minimumAge;
  if (raw.dateOfBirth === undefined) problems.push('dateOfBirth: not in this format, age cannot be checked');
  else if (age !== null && !ofAge) problems.push(`dateOfBirth: the holder is ${age}, under ${minimumAge}`);

  const knownIssuingState = isKnownMrzCountry(raw.issuingState ?? '');
  if (!knownIssuingState) problems.push(`issuingState: '${raw.issuingState ?? ''}' is not an ICAO 9303 code`);
  const knownNationality = raw.nationality !== undefined && isKnownMrzCountry(raw.nationality);
  if (raw.nationality === undefined) problems.push('nationality: not in this format');
  else if (!knownNationality) problems.push(`nationality: '${raw.nationality}' is not an ICAO 9303 code`);

  return { validation: { datesReal, notExpired, ofAge, knownIssuingState, knownNationality }, problems };
}
