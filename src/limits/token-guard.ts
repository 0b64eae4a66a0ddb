import { setTimeout as sleep } from 'node:timers/promises';
import type { RateLimitConfig } from '../config/operations.js';
import type { Logger } from '../logging/logger.js';
import { bucketOf } from './buckets.js';
import type { RateCounter } from './counter.js';

type Settings = Pick<RateLimitConfig, 'tokenFailuresBeforeDelay' | 'tokenFailuresBeforeLock' | 'tokenLockMinutes'>;

/** Each failure past the free ones adds this much to the answer's delay, up to `maxDelayMs`. */
const delayStepMs = 100;
const maxDelayMs = 2000;

/**
 * Failed token requests, counted per client id and per address across nodes: past
 * `tokenFailuresBeforeDelay` in a window of `tokenLockMinutes`, each failure is answered more slowly;
 * at `tokenFailuresBeforeLock` the client id (or address) is refused for `tokenLockMinutes`, right
 * secret or not, so that guessing stops paying. A counter that cannot be reached lets requests through.
 */
export class TokenGuard {
  constructor(
    private readonly counter: RateCounter,
    private readonly settings: Settings,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  private get windowMs(): number {
    return this.settings.tokenLockMinutes * 60_000;
  }

  /** Seconds until the client id or address may try again, or undefined when it may now. */
  async refusedFor(clientId: string, address: string): Promise<number | undefined> {
    const now = this.now();
    try {
      const locks = await Promise.all(
        bucketsOf(clientId, address).map((bucket) => this.counter.lockedUntil(bucket, now)),
      );
      const until = Math.max(...locks.map((lock) => lock ?? 0));
      return until > now ? Math.max(1, Math.ceil((until - now) / 1000)) : undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'the token failure counter is unreachable; the request is let through');
      return undefined;
    }
  }

  /** Counts a failure, locks what went past the limit, and waits out the failure's delay. */
  async failed(clientId: string, address: string): Promise<void> {
    const now = this.now();
    let worst = 0;
    try {
      for (const bucket of bucketsOf(clientId, address)) {
        const { count } = await this.counter.hit(bucket, this.windowMs, now);
        worst = Math.max(worst, count);
        if (count >= this.settings.tokenFailuresBeforeLock) {
          await this.counter.lock(bucket, now + this.windowMs, now);
          this.logger.warn({ limit: bucket.split(':')[0] }, 'token requests locked out after repeated failures');
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'the token failure counter is unreachable; the failure is not counted');
    }
    const excess = worst - this.settings.tokenFailuresBeforeDelay;
    if (excess > 0) await sleep(Math.min(maxDelayMs, excess * delayStepMs));
  }

  /** A client that signed in with its secret starts afresh (its address does not). */
  async succeeded(clientId: string): Promise<void> {
    await this.counter.clear(bucketOf('token-id', clientId)).catch(() => undefined);
  }
}

const bucketsOf = (clientId: string, address: string): string[] => [
  bucketOf('token-id', clientId),
  bucketOf('token-address', address),
];
