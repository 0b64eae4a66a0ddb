import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const idempotencyRateLimits: Migration = {
  async up(db: Kysely<any>) {
    // The first answer to each (client, Idempotency-Key), replayed to repeats for 24 hours. The row is
    // written before the request runs (state `running`), so that a second node sees the key taken.
    await db.schema
      .createTable('idempotency_records')
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('status_code', 'integer')
      .addColumn('content_type', 'text')
      .addColumn('body', 'text')
      .addColumn('locked_until', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_records_pk', ['client_id', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_records_expiry').on('idempotency_records').column('expires_at').execute();

    // Fixed-window counters shared by every node: requests per client per minute, failed token requests
    // per client id and per address. Buckets name hashes, never a raw address.
    await db.schema
      .createTable('rate_limit_counters')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limit_counters_pk', ['bucket', 'window_start'])
      .execute();
    await db.schema.createIndex('rate_limit_counters_expiry').on('rate_limit_counters').column('expires_at').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('rate_limit_counters').ifExists().execute();
    await db.schema.dropTable('idempotency_records').ifExists().execute();
  },
};
