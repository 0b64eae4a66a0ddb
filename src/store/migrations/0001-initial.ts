import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const initial: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('clients')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('environment', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('algorithm', 'text', (c) => c.notNull())
      .addColumn('private_jwk_sealed', 'text', (c) => c.notNull())
      .addColumn('public_jwk', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('retired_at', 'bigint')
      .execute();

    await db.schema
      .createTable('dossiers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('external_reference', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dossiers_by_client').on('dossiers').columns(['client_id', 'created_at']).execute();

    await db.schema
      .createTable('user_data')
      .addColumn('dossier_id', 'text', (c) => c.primaryKey().references('dossiers.id').onDelete('cascade'))
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('processes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('process_type', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('document_type', 'text')
      .addColumn('document_country', 'text')
      .addColumn('document_id', 'integer')
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('notification_url', 'text')
      .addColumn('notification_auth_sealed', 'text')
      .addColumn('external_id', 'text')
      .addColumn('fail_reason', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('started_at', 'bigint')
      .addColumn('finished_at', 'bigint')
      .execute();
    await db.schema.createIndex('processes_by_dossier').on('processes').columns(['dossier_id', 'created_at']).execute();
    // The process list pages through a client's processes by creation time; status is in the index so
    // that status filters are answered from the index alone.
    await db.schema
      .createIndex('processes_by_client_time')
      .on('processes')
      .columns(['client_id', 'created_at', 'id', 'status'])
      .execute();

    await db.schema
      .createTable('images')
      .addColumn('owner_kind', 'text', (c) => c.notNull())
      .addColumn('owner_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('depiction', 'text', (c) => c.notNull())
      .addColumn('blob_key', 'text', (c) => c.notNull())
      .addColumn('content_type', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('images_pk', ['owner_kind', 'owner_id', 'depiction'])
      .execute();
    await db.schema.createIndex('images_by_client').on('images').column('client_id').execute();

    await db.schema
      .createTable('process_counts')
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('bucket', 'bigint', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('count', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('process_counts_pk', ['client_id', 'bucket', 'status'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const table of ['process_counts', 'images', 'processes', 'user_data', 'dossiers', 'signing_keys', 'clients']) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
