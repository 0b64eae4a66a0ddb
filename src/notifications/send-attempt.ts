import type { Logger } from '../logging/logger.js';
import { SafeFetchError, type SafeFetch } from '../net/safe-fetch.js';
import type { AttemptRecord } from '../store/repositories/deliveries.js';

/** What one attempt came to, as recorded. */
export interface AttemptResult {
  outcome: AttemptRecord['outcome'];
  statusCode: number | null;
  /** Why it failed, safe to show the customer: never a header, a secret or the receiver's body. */
  error: string | null;
  durationMs: number;
  retryAfter?: string;
}

/**
 * Sends one attempt and judges the answer: 2xx is delivered, 410 means the receiver is gone for good,
 * anything else (a 3xx included: redirects are not followed) is a failure to retry. The receiver's body
 * is not kept, since a receiver that echoes requests would echo the Authorization value into it.
 */
export async function sendAttempt(
  http: SafeFetch,
  target: { url: string; headers: Record<string, string>; body: string; timeoutMs: number },
  logger: Logger,
): Promise<AttemptResult> {
  // Durations are measured on the monotonic clock: they are a property of the network, not of time of day.
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await http.fetch({ ...target, method: 'POST' });
    const statusCode = response.status;
    if (statusCode >= 200 && statusCode < 300)
      return { outcome: 'delivered', statusCode, error: null, durationMs: elapsed() };
    if (statusCode === 410) {
      return { outcome: 'gone', statusCode, error: 'The receiver answered 410 Gone.', durationMs: elapsed() };
    }
    const error =
      statusCode >= 300 && statusCode < 400
        ? `The receiver answered ${statusCode}; redirects are not followed.`
        : `The receiver answered ${statusCode}.`;
    return { outcome: 'failed', statusCode, error, durationMs: elapsed(), retryAfter: response.headers['retry-after'] };
  } catch (error) {
    if (error instanceof SafeFetchError)
      return { outcome: 'failed', statusCode: null, error: error.message, durationMs: elapsed() };
    // Not a network failure but a bug of ours: logged in full, recorded as a failure so the retries go on.
    logger.error({ err: error }, 'a notification attempt failed unexpectedly');
    return { outcome: 'failed', statusCode: null, error: 'The request failed unexpectedly.', durationMs: elapsed() };
  }
}
