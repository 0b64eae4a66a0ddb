import { Redis } from 'ioredis';
import { windowStartOf, type RateCounter, type WindowCount } from './counter.js';

const prefix = 'openassure:rl:';

/** Counters in Redis (REDIS_URL): INCR on a key per window, which Redis expires with the window. */
export class RedisRateCounter implements RateCounter {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string) {
    // Fail fast while Redis is away instead of queueing commands without bound; the callers fail open.
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    // Without a listener an unreachable Redis would be an unhandled 'error' event; the reconnects go on.
    this.redis.on('error', () => undefined);
  }

  async hit(bucket: string, windowMs: number, now: number): Promise<WindowCount> {
    const start = windowStartOf(now, windowMs);
    const key = `${prefix}${bucket}:${start}`;
    const results = await this.redis
      .multi()
      .incr(key)
      .pexpire(key, windowMs + 1000)
      .exec();
    const [incrError, count] = results?.[0] ?? [new Error('Redis answered nothing.')];
    if (incrError) throw incrError;
    return { count: Number(count), resetAt: start + windowMs };
  }

  async clear(bucket: string): Promise<void> {
    // The bucket's windows are few (one or two alive at a time); SCAN finds them without blocking Redis.
    const keys: string[] = [];
    for await (const batch of this.redis.scanStream({ match: `${prefix}${bucket}:*`, count: 100 })) {
      keys.push(...(batch as string[]));
    }
    if (keys.length > 0) await this.redis.del(...keys);
  }

  async lock(bucket: string, until: number, now: number): Promise<void> {
    await this.redis.set(`${prefix}lock:${bucket}`, String(until), 'PX', Math.max(1, until - now));
  }

  async lockedUntil(bucket: string, now: number): Promise<number | undefined> {
    const until = Number((await this.redis.get(`${prefix}lock:${bucket}`)) ?? 0);
    return until > now ? until : undefined;
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }
}
