/** Timestamps are stored as epoch milliseconds and shown as ISO-8601 UTC seconds, like upstream. */
export function toIsoSeconds(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 19) + 'Z';
}

const isoUtcSeconds = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 date-time with an explicit offset; returns epoch ms or null if invalid. */
export function parseIsoDateTime(value: string): number | null {
  const match = isoUtcSeconds.exec(value);
  if (!match) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  // Date.parse accepts 2023-02-31 by rolling over; a real calendar date must survive the round trip.
  const [, y, mo, d] = match;
  if (match[8] === 'Z') {
    const back = new Date(ms);
    if (
      back.getUTCFullYear() !== Number(y) ||
      back.getUTCMonth() + 1 !== Number(mo) ||
      back.getUTCDate() !== Number(d)
    ) {
      return null;
    }
  }
  return ms;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** YYYY-MM-DD of an instant, in UTC (the day rules about expiry and age are judged on). */
export const utcDay = (epochMs: number): string => new Date(epochMs).toISOString().slice(0, 10);

/**
 * A source of time, injected so that tests and expiry jobs can control it. The system clock below is
 * the only code that reads the time of day; everything else asks a Clock.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Today's date, YYYY-MM-DD, in UTC. */
  today(): string;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  today: () => utcDay(Date.now()),
};
