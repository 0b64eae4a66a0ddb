import { normalizeDate } from '../normalize.js';

/**
 * Chip and MRZ dates are YYMMDD: the century has to be chosen. A date in the past (birth, issue) takes
 * the latest century that does not put it after today; an expiry date the one that puts it within 50
 * years of today. `today` comes from the mapping context, so the mapping stays pure.
 */
export type DateKind = 'past' | 'expiry';

function withCentury(kind: DateKind, yymmdd: string, today: string): string | undefined {
  const match = /^(\d{2})(\d{2})(\d{2})$/.exec(yymmdd);
  if (!match) return undefined;
  const [, yy, mm, dd] = match;
  const currentYear = Number(today.slice(0, 4));
  let year = Math.floor(currentYear / 100) * 100 + Number(yy);
  if (kind === 'past') {
    if (`${year}-${mm}-${dd}` > today) year -= 100;
  } else if (year > currentYear + 49) {
    year -= 100;
  } else if (year < currentYear - 50) {
    year += 100;
  }
  return normalizeDate(`${year}-${mm}-${dd}`);
}

/**
 * A date as YYYY-MM-DD. `interpreted` is ReadID's own reading of the same date with its century
 * (DD.MM.YYYY or ISO), used when it agrees with the short date.
 */
export function fullDate(
  kind: DateKind,
  value: string | null | undefined,
  today: string,
  interpreted?: string | null,
): string | undefined {
  if (!value) return undefined;
  const resolved = withCentury(kind, value.trim(), today);
  if (resolved === undefined) return normalizeDate(value);
  const readByReadID = normalizeDate(interpreted);
  const sameDay = readByReadID !== undefined && readByReadID.slice(2).replaceAll('-', '') === value.trim();
  return sameDay ? readByReadID : resolved;
}
