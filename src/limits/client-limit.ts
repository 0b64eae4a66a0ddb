import { AppError } from '../core/errors.js';
import type { Logger } from '../logging/logger.js';
import type { RateLimitConfig } from '../config/operations.js';
import { bucketOf } from './buckets.js';
import type { RateCounter } from './counter.js';

const minuteMs = 60_000;

export interface Allowance {
  limit: number;
  remaining: number;
  resetAt: number;
}

/**
 * Requests per client per minute, counted across nodes. A counter that cannot be reached lets requests
 * through (logged): the limit protects the service, and refusing every client would not.
 */
export class ClientRateLimit {
  constructor(
    private readonly counter: RateCounter,
    private readonly config: Pick<RateLimitConfig, 'perMinute' | 'overrides'>,
    private readonly logger: Logger,
  ) {}

  /** Whether any client has a limit at all (if not, requests need not be counted). */
  get enabled(): boolean {
    return this.config.perMinute > 0 || [...this.config.overrides.values()].some((limit) => limit > 0);
  }

  limitOf(clientId: string): number {
    return this.config.overrides.get(clientId) ?? this.config.perMinute;
  }

  /** Counts the request; throws a 429 (with Retry-After) past the limit; undefined when unlimited. */
  async take(clientId: string, now: number): Promise<Allowance | undefined> {
    const limit = this.limitOf(clientId);
    if (limit === 0) return undefined;
    let counted;
    try {
      counted = await this.counter.hit(bucketOf('client', clientId), minuteMs, now);
    } catch (error) {
      this.logger.warn({ err: error }, 'the rate-limit counter is unreachable; the request is let through');
      return undefined;
    }
    const allowance = { limit, remaining: Math.max(0, limit - counted.count), resetAt: counted.resetAt };
    if (counted.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((counted.resetAt - now) / 1000));
      throw new AppError(
        'rate_limited',
        `This client may make ${limit} requests a minute; retry after ${retryAfter} s.`,
        {
          headers: { 'retry-after': String(retryAfter), ...allowanceHeaders(allowance, now) },
        },
      );
    }
    return allowance;
  }
}

/** The draft IETF RateLimit headers, in their widely used `X-RateLimit-*` form. */
export function allowanceHeaders(allowance: Allowance, now: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(allowance.limit),
    'x-ratelimit-remaining': String(allowance.remaining),
    'x-ratelimit-reset': String(Math.max(0, Math.ceil((allowance.resetAt - now) / 1000))),
  };
}
