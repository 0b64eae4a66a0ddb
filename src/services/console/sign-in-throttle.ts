import { AppError } from '../../core/errors.js';
import type { Clock } from '../../core/time.js';
import type { Store } from '../../store/store.js';

const windowMs = 15 * 60_000;
/** Failures for one email (or one address) before each further try is slowed down. */
const slowAfterEmail = 5;
const slowAfterAddress = 20;
/** Failures for one email within the window that lock it. */
const lockAfter = 10;
const lockMs = 15 * 60_000;
const delayStepMs = 200;
const maxDelayMs = 3_000;

/**
 * Guessing passwords (or one-time codes) is made slow and then stopped: after 5 failures for an email
 * (or 20 from one address) within 15 minutes each further try waits a little longer, and the 10th
 * failure for an email locks it for 15 minutes, even for the right password. Failures are kept in the
 * database, so every server of a cluster counts them together.
 */
export class SignInThrottle {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly wait: (ms: number) => Promise<void>,
  ) {}

  /** Refuses a locked email (429 with Retry-After); otherwise waits as long as recent failures ask. */
  async before(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    const failures = this.store.repos.signInFailures;
    const lockedAt = await failures.latest(`lock:${email}`, now - lockMs);
    if (lockedAt !== undefined) {
      const seconds = Math.max(1, Math.ceil((lockedAt + lockMs - now) / 1000));
      throw new AppError('console_locked', 'Too many failed sign-ins for this email; try again later.', {
        headers: { 'retry-after': String(seconds) },
      });
    }
    const since = now - windowMs;
    const excess = Math.max(
      (await failures.count(`email:${email}`, since)) - slowAfterEmail + 1,
      (await failures.count(`ip:${address}`, since)) - slowAfterAddress + 1,
    );
    if (excess > 0) await this.wait(Math.min(maxDelayMs, excess * delayStepMs));
  }

  /** Counts a failure; the one that reaches the limit locks the email. */
  async failed(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.signInFailures.prune(now - Math.max(windowMs, lockMs));
      await tx.signInFailures.record(`email:${email}`, now);
      await tx.signInFailures.record(`ip:${address}`, now);
      if ((await tx.signInFailures.count(`email:${email}`, now - windowMs)) >= lockAfter) {
        await tx.signInFailures.record(`lock:${email}`, now);
        await tx.signInFailures.clear(`email:${email}`);
      }
    });
  }

  /** A successful sign-in forgets the email's failures. */
  async succeeded(email: string): Promise<void> {
    await this.store.repos.signInFailures.clear(`email:${email}`);
  }
}
