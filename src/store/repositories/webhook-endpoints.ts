import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhookEndpointStatus, WebhookEndpointsTable } from '../schema.js';

export interface WebhookEndpointRecord {
  id: string;
  clientId: string;
  url: string;
  events: string[];
  secretSealed: string;
  status: WebhookEndpointStatus;
  disabledReason: string | null;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<WebhookEndpointsTable>): WebhookEndpointRecord => ({
  id: row.id,
  clientId: row.client_id,
  url: row.url,
  events: JSON.parse(row.events) as string[],
  secretSealed: row.secret_sealed,
  status: row.status,
  disabledReason: row.disabled_reason,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A client's webhook subscriptions; every query is scoped by client. */
export class WebhookEndpointRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(endpoint: WebhookEndpointRecord): Promise<void> {
    await this.db
      .insertInto('webhook_endpoints')
      .values({
        id: endpoint.id,
        client_id: endpoint.clientId,
        url: endpoint.url,
        events: JSON.stringify(endpoint.events),
        secret_sealed: endpoint.secretSealed,
        status: endpoint.status,
        disabled_reason: endpoint.disabledReason,
        created_at: endpoint.createdAt,
        updated_at: endpoint.updatedAt,
      })
      .execute();
  }

  async find(clientId: string, id: string): Promise<WebhookEndpointRecord | undefined> {
    const row = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async findById(id: string): Promise<WebhookEndpointRecord | undefined> {
    const row = await this.db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(clientId: string): Promise<WebhookEndpointRecord[]> {
    const rows = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Active endpoints of the client subscribed to the event. */
  async subscribedTo(clientId: string, event: string): Promise<WebhookEndpointRecord[]> {
    const endpoints = await this.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('status', '=', 'active')
      .execute();
    return endpoints.map(toRecord).filter((e) => e.events.includes(event) || e.events.includes('*'));
  }

  async disable(id: string, reason: string, now: number): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set({ status: 'disabled', disabled_reason: reason, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async delete(clientId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('webhook_endpoints')
      .where('id', '=', id)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
