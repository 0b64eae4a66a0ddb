import type { Kysely, Selectable } from 'kysely';
import type { Database, DeliveryStatus, NotificationAttemptsTable, NotificationDeliveriesTable } from '../schema.js';

export interface DeliveryRecord {
  id: string;
  clientId: string;
  /** Null for a process's legacy notificationUrl. */
  endpointId: string | null;
  processId: string | null;
  event: string;
  payload: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface AttemptRecord {
  id: string;
  deliveryId: string;
  attempt: number;
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: NotificationAttemptsTable['outcome'];
}

const toDelivery = (row: Selectable<NotificationDeliveriesTable>): DeliveryRecord => ({
  id: row.id,
  clientId: row.client_id,
  endpointId: row.endpoint_id,
  processId: row.process_id,
  event: row.event,
  payload: row.payload,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const toAttempt = (row: Selectable<NotificationAttemptsTable>): AttemptRecord => ({
  id: row.id,
  deliveryId: row.delivery_id,
  attempt: row.attempt,
  startedAt: row.started_at,
  durationMs: row.duration_ms,
  statusCode: row.status_code,
  error: row.error,
  outcome: row.outcome,
});

/** Notification messages and every attempt to deliver them. */
export class DeliveryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(delivery: DeliveryRecord): Promise<void> {
    await this.db
      .insertInto('notification_deliveries')
      .values({
        id: delivery.id,
        client_id: delivery.clientId,
        endpoint_id: delivery.endpointId,
        process_id: delivery.processId,
        event: delivery.event,
        payload: delivery.payload,
        status: delivery.status,
        attempts: delivery.attempts,
        next_attempt_at: delivery.nextAttemptAt,
        created_at: delivery.createdAt,
        updated_at: delivery.updatedAt,
      })
      .execute();
  }

  async findById(id: string): Promise<DeliveryRecord | undefined> {
    const row = await this.db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  async recordAttempt(attempt: AttemptRecord, status: DeliveryStatus, nextAttemptAt: number | null): Promise<void> {
    await this.db
      .insertInto('notification_attempts')
      .values({
        id: attempt.id,
        delivery_id: attempt.deliveryId,
        attempt: attempt.attempt,
        started_at: attempt.startedAt,
        duration_ms: attempt.durationMs,
        status_code: attempt.statusCode,
        error: attempt.error,
        outcome: attempt.outcome,
      })
      .execute();
    await this.db
      .updateTable('notification_deliveries')
      .set({
        status,
        attempts: attempt.attempt,
        next_attempt_at: nextAttemptAt,
        updated_at: attempt.startedAt + attempt.durationMs,
      })
      .where('id', '=', attempt.deliveryId)
      .execute();
  }

  /** Deliveries of an endpoint, newest first, each with its attempts. */
  async listForEndpoint(
    endpointId: string,
    limit: number,
  ): Promise<{ delivery: DeliveryRecord; attempts: AttemptRecord[] }[]> {
    const deliveries = (
      await this.db
        .selectFrom('notification_deliveries')
        .selectAll()
        .where('endpoint_id', '=', endpointId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    ).map(toDelivery);
    if (deliveries.length === 0) return [];
    const attempts = (
      await this.db
        .selectFrom('notification_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          deliveries.map((d) => d.id),
        )
        .orderBy('attempt')
        .execute()
    ).map(toAttempt);
    return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
  }

  /** The attempts of these deliveries, oldest first. */
  async attemptsOf(deliveryIds: readonly string[]): Promise<AttemptRecord[]> {
    if (deliveryIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('notification_attempts')
      .selectAll()
      .where('delivery_id', 'in', [...deliveryIds])
      .orderBy('started_at')
      .orderBy('attempt')
      .execute();
    return rows.map(toAttempt);
  }

  async listForProcess(processId: string): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('process_id', '=', processId)
      .orderBy('created_at')
      .execute();
    return rows.map(toDelivery);
  }

  async deleteAllOfClient(clientId: string): Promise<void> {
    await this.db.deleteFrom('notification_deliveries').where('client_id', '=', clientId).execute();
  }
}
