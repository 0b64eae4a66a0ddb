import { newId } from '../core/ids.js';
import type { Clock } from '../core/time.js';
import type { Sealer } from '../crypto/sealer.js';
import type { PayloadOf } from '../jobs/define-job.js';
import { deliverNotification } from '../jobs/definitions.js';
import type { JobHandlers } from '../jobs/run-job.js';
import type { JobQueue } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import { createSafeFetch } from '../net/safe-fetch.js';
import type { DeliveryRecord } from '../store/repositories/deliveries.js';
import type { DeliveryStatus } from '../store/schema.js';
import type { Store } from '../store/store.js';
import { deliveryTarget } from './delivery-target.js';
import { nextRetryDelayMs } from './retry-schedule.js';
import { sendAttempt, type AttemptResult } from './send-attempt.js';

export interface DeliverJobDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  queue: JobQueue;
  sealer: Sealer;
  /** Let notifications reach private and loopback addresses (local development and tests only). */
  allowPrivate: boolean;
}

/** `attempt` is the attempt this job makes; the planner's first job leaves it out (attempt 1). */
export type DeliverPayload = PayloadOf<typeof deliverNotification>;

/**
 * Makes one attempt to deliver one notification and records it. A failure is not an error of the job:
 * the job schedules the next attempt itself (a new delayed job, following the Standard Webhooks
 * schedule), so the queue's own retries are left for infrastructure failures such as a lost database.
 * Idempotent: a delivered or dead delivery is left alone, and a job whose attempt is already recorded
 * (a duplicate run) does nothing. A run cut short before recording sends again, with the same
 * webhook-id, which is what receivers de-duplicate on.
 */
export function deliverHandlers(deps: DeliverJobDeps): JobHandlers<DeliverPayload> {
  const http = createSafeFetch({ allowPrivate: deps.allowPrivate });
  return {
    async run({ deliveryId, attempt = 1 }, { logger }) {
      const delivery = await deps.store.repos.deliveries.findById(deliveryId);
      if (!delivery || delivery.status !== 'pending' || delivery.attempts + 1 !== attempt) return;
      const startedAt = deps.clock.now();
      const target = await deliveryTarget(deps, delivery, startedAt);
      const result: AttemptResult =
        target.kind === 'drop'
          ? { outcome: 'failed', statusCode: null, error: target.reason, durationMs: 0 }
          : await sendAttempt(http, target, logger);
      const next = await record(deps, delivery, attempt, startedAt, result, target.kind === 'drop');
      if (next === undefined) return;
      const fields = {
        deliveryId,
        attempt,
        outcome: result.outcome,
        statusCode: result.statusCode,
        status: next.status,
      };
      if (next.status === 'delivered') logger.info(fields, 'notification delivered');
      else logger.warn({ ...fields, error: result.error, retryInMs: next.delayMs }, 'notification attempt failed');
    },
  };
}

/**
 * Records the attempt, and in the same transaction disables a gone endpoint or enqueues the next
 * attempt, so a crash never leaves a failed attempt without its retry. Undefined when another run of
 * this job recorded the attempt first.
 */
async function record(
  deps: DeliverJobDeps,
  delivery: DeliveryRecord,
  attempt: number,
  startedAt: number,
  result: AttemptResult,
  dropped: boolean,
): Promise<{ status: DeliveryStatus; delayMs: number | null } | undefined> {
  const now = deps.clock.now();
  const delayMs =
    result.outcome === 'failed' && !dropped
      ? nextRetryDelayMs({ attempt, statusCode: result.statusCode, retryAfter: result.retryAfter, now })
      : null;
  const status: DeliveryStatus = result.outcome === 'delivered' ? 'delivered' : delayMs === null ? 'dead' : 'pending';
  const recorded = await deps.store.transaction(async (tx) => {
    const current = await tx.deliveries.findById(delivery.id);
    if (!current || current.status !== 'pending' || current.attempts !== delivery.attempts) return false;
    const { outcome, statusCode, error, durationMs } = result;
    const row = { id: newId(), deliveryId: delivery.id, attempt, startedAt, durationMs, statusCode, error, outcome };
    await tx.deliveries.recordAttempt(row, status, delayMs === null ? null : now + delayMs);
    if (result.outcome === 'gone' && delivery.endpointId !== null) {
      await tx.webhookEndpoints.disable(delivery.endpointId, 'The endpoint answered 410 Gone.', now);
    }
    if (delayMs !== null) {
      const payload: DeliverPayload = { deliveryId: delivery.id, attempt: attempt + 1 };
      await deps.queue.enqueue(deliverNotification, payload, { tx, delayMs });
    }
    return true;
  });
  return recorded ? { status, delayMs } : undefined;
}
