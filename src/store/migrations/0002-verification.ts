import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const verification: Migration = {
  async up(db: Kysely<any>) {
    // One column per statement: SQLite adds a single column per ALTER TABLE.
    for (const [column, type] of [
      ['sandbox_scenario', 'text'],
      ['outcome', 'text'],
      ['raw_result_key', 'text'],
      ['start_input_key', 'text'],
      ['first_image_at', 'bigint'],
    ] as const) {
      await db.schema.alterTable('processes').addColumn(column, type).execute();
    }
    // Pending processes are swept for expiry by age.
    await db.schema.createIndex('processes_by_status_time').on('processes').columns(['status', 'created_at']).execute();

    // Every status change, in order: the audit trail and the source of notifications.
    await db.schema
      .createTable('process_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull())
      .addColumn('dossier_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('process_events_by_process')
      .on('process_events')
      .columns(['process_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('webhook_endpoints')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('events', 'text', (c) => c.notNull())
      .addColumn('secret_sealed', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('disabled_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_endpoints_by_client').on('webhook_endpoints').column('client_id').execute();

    // One message to one destination (a subscribed endpoint, or a process's legacy notificationUrl).
    await db.schema
      .createTable('notification_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('endpoint_id', 'text')
      .addColumn('process_id', 'text')
      .addColumn('event', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notification_deliveries_by_endpoint')
      .on('notification_deliveries')
      .columns(['endpoint_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('notification_attempts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('delivery_id', 'text', (c) => c.notNull().references('notification_deliveries.id').onDelete('cascade'))
      .addColumn('attempt', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'bigint', (c) => c.notNull())
      .addColumn('duration_ms', 'integer', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('outcome', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notification_attempts_by_delivery')
      .on('notification_attempts')
      .column('delivery_id')
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['notification_attempts', 'notification_deliveries', 'webhook_endpoints', 'process_events']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    await db.schema.dropIndex('processes_by_status_time').ifExists().execute();
    for (const column of ['first_image_at', 'start_input_key', 'raw_result_key', 'outcome', 'sandbox_scenario']) {
      await db.schema.alterTable('processes').dropColumn(column).execute();
    }
  },
};
