/**
 * The `numeric` normalization writes a date in one canonical form, YYYYMMDD (as upstream shows
 * "1988-08-18" normalized to "19880818"), so that an ISO date from one source and a European date from
 * another still match.
 */

// Year first: 1988-08-18, 1988/08/18, 1988.08.18, optionally with an ISO time after the date.
const yearFirst = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
// Day first, as documents and most of Europe write it: 18.08.1988, 18/08/1988, 18-08-1988.
const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/** The calendar date the whole value writes, as YYYYMMDD; undefined when it is not exactly one real date. */
export function canonicalDate(value: string): string | undefined {
  const text = value.trim();
  let parts: [string, string, string] | undefined;
  const iso = yearFirst.exec(text);
  if (iso) parts = [iso[1]!, iso[3]!, iso[4]!];
  const european = iso ? null : dayFirst.exec(text);
  if (european) parts = [european[4]!, european[3]!, european[1]!];
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 1988-02-30 over into March: only a date that survives the round trip is real.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${parts[0]}${parts[1].padStart(2, '0')}${parts[2].padStart(2, '0')}`;
}
