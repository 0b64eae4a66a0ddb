const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;

/**
 * The Standard Webhooks schedule: the first attempt at once, then these waits after each failure, about
 * three days in all. After the failure of the last attempt the message is dead (kept, with its attempts).
 */
export const retryDelaysMs: readonly number[] = [
  5 * second,
  5 * minute,
  30 * minute,
  2 * hour,
  5 * hour,
  10 * hour,
  14 * hour,
  20 * hour,
  24 * hour,
];

export const maxDeliveryAttempts = retryDelaysMs.length + 1;

/** Statuses with which a receiver asks to be called later; their Retry-After is honoured. */
const slowDownStatuses = new Set([429, 502, 503, 504]);

export interface FailedAttempt {
  /** The number of the attempt that just failed, from 1. */
  attempt: number;
  statusCode: number | null;
  retryAfter: string | undefined;
  now: number;
}

/**
 * How long to wait before the next attempt, or null when the failed attempt was the last. The wait is
 * spread by ±10% so that the retries of many messages that failed together do not arrive together; a
 * longer Retry-After on a "slow down" status wins, capped at the longest step of the schedule.
 *
 * @example
 *   nextRetryDelayMs({ attempt: 1, statusCode: 500, retryAfter: undefined, now }) // ≈ 5 s
 */
export function nextRetryDelayMs(failed: FailedAttempt, random: () => number = Math.random): number | null {
  const scheduled = retryDelaysMs[failed.attempt - 1];
  if (scheduled === undefined) return null;
  const jittered = Math.round(scheduled * (0.9 + 0.2 * random()));
  if (failed.statusCode === null || !slowDownStatuses.has(failed.statusCode)) return jittered;
  const asked = retryAfterMs(failed.retryAfter, failed.now);
  return asked === undefined ? jittered : Math.max(jittered, Math.min(asked, retryDelaysMs.at(-1)!));
}

/** A Retry-After header (delta seconds or an HTTP date) as milliseconds from now. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * second;
  // An HTTP date names its weekday and month; Date.parse alone would also take "-5" for a year.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
