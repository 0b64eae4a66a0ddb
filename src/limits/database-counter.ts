import type { Store } from '../store/store.js';
import { windowStartOf, type RateCounter, type WindowCount } from './counter.js';

/** Old windows are deleted at most this often per node, by whichever hit comes first. */
const pruneEveryMs = 5 * 60_000;
/** Locks are rows of their own bucket, in a window that never changes. */
const lockWindow = 0;

/** Counters as rows of `rate_limit_counters`: one atomic upsert per hit, on SQLite and PostgreSQL. */
export class DatabaseRateCounter implements RateCounter {
  readonly kind = 'database' as const;
  private lastPrune = 0;

  constructor(private readonly store: Store) {}

  async hit(bucket: string, windowMs: number, now: number): Promise<WindowCount> {
    this.pruneNowAndThen(now);
    const start = windowStartOf(now, windowMs);
    const count = await this.store.repos.rateLimits.increment(bucket, start, start + windowMs);
    return { count, resetAt: start + windowMs };
  }

  async clear(bucket: string): Promise<void> {
    await this.store.repos.rateLimits.clear(bucket);
  }

  async lock(bucket: string, until: number): Promise<void> {
    await this.store.transaction(async (tx) => {
      await tx.rateLimits.clear(`lock:${bucket}`);
      await tx.rateLimits.increment(`lock:${bucket}`, lockWindow, until);
    });
  }

  async lockedUntil(bucket: string, now: number): Promise<number | undefined> {
    const until = await this.store.repos.rateLimits.expiry(`lock:${bucket}`, lockWindow);
    return until !== undefined && until > now ? until : undefined;
  }

  async close(): Promise<void> {}

  private pruneNowAndThen(now: number): void {
    if (now - this.lastPrune < pruneEveryMs) return;
    this.lastPrune = now;
    // Not awaited: pruning is housekeeping, a failure of it must not fail the request.
    this.store.repos.rateLimits.prune(now).catch(() => undefined);
  }
}
