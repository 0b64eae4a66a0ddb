import { describe, expect, it } from 'vitest';
import { maxDeliveryAttempts, nextRetryDelayMs, retryAfterMs } from './retry-schedule.js';

const now = Date.UTC(2026, 0, 1, 12);
const failed = (attempt: number, statusCode: number | null = 500, retryAfter?: string) => ({
  attempt,
  statusCode,
  retryAfter,
  now,
});

describe('retry schedule', () => {
  it('follows the Standard Webhooks steps, then gives up after ten attempts', () => {
    const middle = () => 0.5;
    const delays = Array.from({ length: 10 }, (_, i) => nextRetryDelayMs(failed(i + 1), middle));
    expect(delays).toEqual([
      5_000,
      300_000,
      1_800_000,
      7_200_000,
      18_000_000,
      36_000_000,
      50_400_000,
      72_000_000,
      86_400_000,
      null,
    ]);
    expect(maxDeliveryAttempts).toBe(10);
    const total = delays.reduce<number>((sum, d) => sum + (d ?? 0), 0);
    expect(total / 86_400_000).toBeCloseTo(3.16, 1);
  });

  it('spreads each wait by at most 10% either way', () => {
    expect(nextRetryDelayMs(failed(2), () => 0)).toBe(270_000);
    expect(nextRetryDelayMs(failed(2), () => 0.999_999)).toBe(330_000);
    const seen = new Set(Array.from({ length: 100 }, () => nextRetryDelayMs(failed(1))));
    expect(seen.size).toBeGreaterThan(10);
    for (const delay of seen) {
      expect(delay).toBeGreaterThanOrEqual(4500);
      expect(delay).toBeLessThanOrEqual(5500);
    }
  });

  it('honours a longer Retry-After on 429, 502, 503 and 504 only', () => {
    const middle = () => 0.5;
    for (const status of [429, 502, 503, 504]) expect(nextRetryDelayMs(failed(1, status, '120'), middle)).toBe(120_000);
    expect(nextRetryDelayMs(failed(1, 500, '120'), middle)).toBe(5_000);
    expect(nextRetryDelayMs(failed(1, null, '120'), middle)).toBe(5_000);
    // A shorter one does not speed the schedule up, and an absurd one is capped at a day.
    expect(nextRetryDelayMs(failed(3, 503, '1'), middle)).toBe(1_800_000);
    expect(nextRetryDelayMs(failed(1, 429, '99999999'), middle)).toBe(86_400_000);
    const date = new Date(now + 600_000).toUTCString();
    expect(nextRetryDelayMs(failed(1, 503, date), middle)).toBe(600_000);
    // Retry-After does not extend the number of attempts.
    expect(nextRetryDelayMs(failed(10, 503, '60'), middle)).toBeNull();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs(' 7 ', now)).toBe(7_000);
    expect(retryAfterMs(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(retryAfterMs(new Date(now - 90_000).toUTCString(), now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
