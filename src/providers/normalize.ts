import { findCountry } from '../core/countries.js';
import { isCalendarDate } from '../core/time.js';

/**
 * Normalisation of vendor values into Assure's finalResult conventions: dates YYYY-MM-DD, countries
 * ISO 3166-1 alpha-3, gender M or F. Values that cannot be normalised are left out, never guessed.
 */

/** ISO 3166-1 alpha-3 from an alpha-2 or alpha-3 code, including MRZ-only codes (D for Germany). */
export function normalizeCountry(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const code = value.trim().toUpperCase().replace(/<+$/, '');
  if (code === 'D') return 'DEU';
  return findCountry(code)?.alpha3;
}

/** YYYY-MM-DD from YYYY-MM-DD, an ISO date-time, DD.MM.YYYY, DD/MM/YYYY or YYYYMMDD. */
export function normalizeDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  let candidate: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text))) candidate = `${match[1]}-${match[2]}-${match[3]}`;
  else if ((match = /^(\d{2})[./](\d{2})[./](\d{4})$/.exec(text))) candidate = `${match[3]}-${match[2]}-${match[1]}`;
  else if ((match = /^(\d{4})(\d{2})(\d{2})$/.exec(text))) candidate = `${match[1]}-${match[2]}-${match[3]}`;
  return candidate !== undefined && isCalendarDate(candidate) ? candidate : undefined;
}

/** M or F from the many ways vendors write it. */
export function normalizeGender(value: unknown): 'M' | 'F' | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (['m', 'male', 'man'].includes(text)) return 'M';
  if (['f', 'female', 'woman'].includes(text)) return 'F';
  return undefined;
}

/** Copies the defined entries of an object, so absent values are left out rather than sent as null. */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

/** A JSON object (not an array, not null), as vendors nest them in their results. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
