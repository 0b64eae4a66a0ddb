import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const capture: Migration = {
  async up(db: Kysely<any>) {
    // Like matching configurations, capture configurations are named by the client: the id is unique
    // per client, and Start capture flow finds one by (client, uiProfile).
    await db.schema
      .createTable('capture_configurations')
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('configuration', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('capture_configurations_pk', ['client_id', 'id'])
      .execute();

    // One capture flow per process started by Start capture flow: the settings it was started with
    // (frozen), where the end-user goes back to, and how far the end-user got.
    await db.schema
      .createTable('capture_flows')
      .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('dossier_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('redirect_url', 'text', (c) => c.notNull())
      .addColumn('request_domain', 'text')
      .addColumn('attempts', 'text', (c) => c.notNull())
      .addColumn('handover', 'text', (c) => c.notNull())
      .addColumn('ended_as', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // Single-use links (the one Start capture flow returns, and handover links for a phone), kept as
    // SHA-256 hashes only: the database never holds a usable link.
    await db.schema
      .createTable('capture_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('capture_flows.process_id').onDelete('cascade'))
      .addColumn('device', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .addColumn('session_hash', 'text')
      .execute();
    await db.schema.createIndex('capture_links_process').on('capture_links').column('process_id').execute();

    // Browser sessions made from links (the cookie's token, hashed), each bound to one process.
    await db.schema
      .createTable('capture_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('capture_flows.process_id').onDelete('cascade'))
      .addColumn('device', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('capture_sessions_process').on('capture_sessions').column('process_id').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('capture_sessions').ifExists().execute();
    await db.schema.dropTable('capture_links').ifExists().execute();
    await db.schema.dropTable('capture_flows').ifExists().execute();
    await db.schema.dropTable('capture_configurations').ifExists().execute();
  },
};
