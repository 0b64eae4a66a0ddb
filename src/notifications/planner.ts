import { newId } from '../core/ids.js';
import { isFinal } from '../core/process-status.js';
import { toIsoSeconds } from '../core/time.js';
import { deliverNotification } from '../jobs/definitions.js';
import type { JobQueue } from '../jobs/types.js';
import type { Repositories } from '../store/store.js';
import type { WebhookEvent } from './events.js';
import type { StatusChangeListener, ProcessRecord } from '../core/domain.js';

/**
 * Turns each status change into notification deliveries, in the status change's own transaction: the
 * legacy callback to the process's notificationUrl, and a message to every subscribed webhook endpoint.
 * Payloads carry ids and the status, never personal data.
 */
export class NotificationPlanner implements StatusChangeListener<Repositories> {
  constructor(private readonly queue: JobQueue) {}

  async statusChanged(tx: Repositories, process: ProcessRecord, now: number): Promise<void> {
    if (process.notificationUrl !== null) {
      // The legacy Assure callback body, exactly.
      await this.plan(
        tx,
        process,
        null,
        'process.status_changed',
        {
          dossierId: process.dossierId,
          processId: process.id,
          status: process.status,
        },
        now,
      );
    }
    const events: WebhookEvent[] = isFinal(process.status)
      ? ['process.status_changed', 'process.completed']
      : ['process.status_changed'];
    for (const event of events) {
      for (const endpoint of await tx.webhookEndpoints.subscribedTo(process.clientId, event)) {
        await this.plan(
          tx,
          process,
          endpoint.id,
          event,
          {
            type: event,
            timestamp: toIsoSeconds(now),
            data: {
              dossierId: process.dossierId,
              processId: process.id,
              provider: process.provider,
              status: process.status,
            },
          },
          now,
        );
      }
    }
  }

  private async plan(
    tx: Repositories,
    process: ProcessRecord,
    endpointId: string | null,
    event: WebhookEvent,
    payload: object,
    now: number,
  ): Promise<void> {
    // Standard Webhooks message ids: the same id on every retry, so receivers can de-duplicate.
    const id = `msg_${newId().replaceAll('-', '')}`;
    await tx.deliveries.insert({
      id,
      clientId: process.clientId,
      endpointId,
      processId: process.id,
      event,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.queue.enqueue(deliverNotification, { deliveryId: id }, { tx });
  }
}
