import type { EnvReader } from './env-reader.js';

export interface MetricsConfig {
  /** Whether `GET /metrics` answers at all (OPENASSURE_METRICS, off by default). */
  enabled: boolean;
  /**
   * A separate listener for `/metrics` (OPENASSURE_METRICS_PORT), so that the scrape endpoint need not be
   * reachable where the API is; undefined: `/metrics` is served on the API's own port.
   */
  port: number | undefined;
  host: string;
}

export interface RateLimitConfig {
  /** Requests a client may make under /assure per minute; 0: no limit (OPENASSURE_RATE_LIMIT_PER_MINUTE). */
  perMinute: number;
  /** Per-client limits that replace `perMinute` (OPENASSURE_RATE_LIMIT_OVERRIDES="clientId=limit,…"). */
  overrides: ReadonlyMap<string, number>;
  /** Where the counters live: the database (default) or Redis when REDIS_URL is set. */
  redisUrl: string | undefined;
  /** Failed token requests (per client id, and per address) before each further one is slowed down. */
  tokenFailuresBeforeDelay: number;
  /** Failed token requests before the client id or address is refused for `tokenLockMinutes`. */
  tokenFailuresBeforeLock: number;
  tokenLockMinutes: number;
}

export interface OperationsConfig {
  metrics: MetricsConfig;
  rateLimits: RateLimitConfig;
}

export function readOperations(read: EnvReader): OperationsConfig {
  const metricsPort = read.string('OPENASSURE_METRICS_PORT');
  const port = metricsPort === undefined ? undefined : read.integer('OPENASSURE_METRICS_PORT', 9464, 0, 65535);
  const beforeDelay = read.integer('OPENASSURE_TOKEN_FAILURES_BEFORE_DELAY', 5, 1, 10_000);
  const beforeLock = read.integer('OPENASSURE_TOKEN_FAILURES_BEFORE_LOCK', 20, 1, 10_000);
  if (beforeLock < beforeDelay) {
    read.fail('OPENASSURE_TOKEN_FAILURES_BEFORE_LOCK must not be smaller than OPENASSURE_TOKEN_FAILURES_BEFORE_DELAY.');
  }
  const redisUrl = read.string('REDIS_URL');
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl))
    read.fail('REDIS_URL must be a redis:// or rediss:// URL.');
  return {
    metrics: {
      // A metrics port implies metrics: setting one and not the other would be a puzzle.
      enabled: read.boolean('OPENASSURE_METRICS', port !== undefined),
      port,
      host: read.string('OPENASSURE_METRICS_HOST') ?? '127.0.0.1',
    },
    rateLimits: {
      perMinute: read.integer('OPENASSURE_RATE_LIMIT_PER_MINUTE', 0, 0, 1_000_000),
      overrides: readOverrides(read),
      redisUrl,
      tokenFailuresBeforeDelay: beforeDelay,
      tokenFailuresBeforeLock: beforeLock,
      tokenLockMinutes: read.integer('OPENASSURE_TOKEN_LOCK_MINUTES', 15, 1, 24 * 60),
    },
  };
}

function readOverrides(read: EnvReader): Map<string, number> {
  const name = 'OPENASSURE_RATE_LIMIT_OVERRIDES';
  const overrides = new Map<string, number>();
  for (const entry of (read.string(name) ?? '').split(',').map((part) => part.trim())) {
    if (entry === '') continue;
    const match = /^([A-Za-z0-9._~-]+)=(\d{1,7})$/.exec(entry);
    if (!match) {
      read.fail(`${name} must be a comma-separated list of clientId=limit (got "${entry}").`);
      continue;
    }
    overrides.set(match[1]!, Number(match[2]));
  }
  return overrides;
}
