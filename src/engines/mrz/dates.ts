import { systemClock } from '../../core/time.js';

/** Calendar dates as plain numbers: MRZ dates have no time zone and need no Date arithmetic. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

const isReal = ({ year, month, day }: CalendarDate): boolean =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const compare = (a: CalendarDate, b: CalendarDate): number => a.year - b.year || a.month - b.month || a.day - b.day;

export const formatDate = ({ year, month, day }: CalendarDate): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** Parses YYYY-MM-DD (a real date) or throws: a wrong `today` would silently corrupt every verdict. */
export function parseIsoDate(text: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!date || !isReal(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
  return date;
}

export const todayUtc = (): CalendarDate => parseIsoDate(systemClock.today());

function split(yymmdd: string): CalendarDate | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  return { year: Number(yymmdd.slice(0, 2)), month: Number(yymmdd.slice(2, 4)), day: Number(yymmdd.slice(4, 6)) };
}

/** A birth date lies in the past: the latest century that does not put it after today. */
export function resolveBirthDate(yymmdd: string, today: CalendarDate): CalendarDate | null {
  const parts = split(yymmdd);
  if (!parts) return null;
  const century = Math.floor(today.year / 100) * 100;
  let date = { ...parts, year: century + parts.year };
  if (compare(date, today) > 0) date = { ...date, year: date.year - 100 };
  return isReal(date) ? date : null;
}

/** An expiry date lies within 50 years of today, before or after. */
export function resolveExpiryDate(yymmdd: string, today: CalendarDate): CalendarDate | null {
  const parts = split(yymmdd);
  if (!parts) return null;
  let year = Math.floor(today.year / 100) * 100 + parts.year;
  if (year > today.year + 50) year -= 100;
  else if (year < today.year - 50) year += 100;
  const date = { ...parts, year };
  return isReal(date) ? date : null;
}

export const isOnOrAfter = (date: CalendarDate, reference: CalendarDate): boolean => compare(date, reference) >= 0;

/** Completed years between birth and today (a 29 February birthday counts from 1 March in other years). */
export function ageOn(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}
