import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { createLogger } from '../logging/logger.js';
import { ClientRateLimit } from './client-limit.js';
import { windowStartOf, type RateCounter } from './counter.js';

/** Counts in memory, with the same fixed windows as the real counters. */
function memoryCounter(): RateCounter {
  const counts = new Map<string, number>();
  return {
    kind: 'database',
    async hit(bucket, windowMs, now) {
      const start = windowStartOf(now, windowMs);
      const key = `${bucket}@${start}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return { count: counts.get(key)!, resetAt: start + windowMs };
    },
    async clear() {},
    async lock() {},
    async lockedUntil() {
      return undefined;
    },
    async close() {},
  };
}

describe('per-client rate limits', () => {
  const config = loadConfig({
    OPENASSURE_RATE_LIMIT_PER_MINUTE: '2',
    OPENASSURE_RATE_LIMIT_OVERRIDES: 'big-client=4, unlimited-client=0',
  }).operations.rateLimits;
  const limit = new ClientRateLimit(memoryCounter(), config, createLogger('silent'));

  const allowed = async (clientId: string, times: number, now: number) => {
    let passed = 0;
    for (let i = 0; i < times; i++) {
      try {
        await limit.take(clientId, now);
        passed++;
      } catch (error) {
        expect(error).toMatchObject({ code: 'rate_limited' });
      }
    }
    return passed;
  };

  it('applies the default, the overrides, and 0 as no limit', async () => {
    const now = 1_700_000_000_000;
    expect(await allowed('small-client', 5, now)).toBe(2);
    expect(await allowed('big-client', 6, now)).toBe(4);
    expect(await allowed('unlimited-client', 50, now)).toBe(50);
    expect(await allowed('small-client', 5, now + 60_000)).toBe(2);
  });

  it('refuses a malformed override list', () => {
    expect(() => loadConfig({ OPENASSURE_RATE_LIMIT_OVERRIDES: 'no-equals-sign' })).toThrow(
      /OPENASSURE_RATE_LIMIT_OVERRIDES/,
    );
  });
});
