/** A fixed-window count: how many hits the bucket has in the current window, and when that window ends. */
export interface WindowCount {
  count: number;
  resetAt: number;
}

/**
 * Counters shared by every node: in the database (default) or in Redis (REDIS_URL). Buckets are opaque
 * strings made by the callers (hashes, never a raw address).
 */
export interface RateCounter {
  readonly kind: 'database' | 'redis';
  /** One more hit in the bucket's current window of `windowMs`; the count includes it. */
  hit(bucket: string, windowMs: number, now: number): Promise<WindowCount>;
  /** Forgets the bucket's counts (e.g. a client's failures after it signs in). */
  clear(bucket: string): Promise<void>;
  /** Refuses the bucket until `until` (a lockout); `lockedUntil` tells until when, if it still is. */
  lock(bucket: string, until: number, now: number): Promise<void>;
  lockedUntil(bucket: string, now: number): Promise<number | undefined>;
  close(): Promise<void>;
}

export const windowStartOf = (now: number, windowMs: number): number => Math.floor(now / windowMs) * windowMs;
