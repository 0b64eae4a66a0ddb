import type { RateLimitConfig } from '../config/operations.js';
import type { Store } from '../store/store.js';
import type { RateCounter } from './counter.js';
import { DatabaseRateCounter } from './database-counter.js';
import { RedisRateCounter } from './redis-counter.js';

/** Redis when REDIS_URL is set, else the database every node already shares. */
export function createRateCounter(config: Pick<RateLimitConfig, 'redisUrl'>, store: Store): RateCounter {
  return config.redisUrl === undefined ? new DatabaseRateCounter(store) : new RedisRateCounter(config.redisUrl);
}
