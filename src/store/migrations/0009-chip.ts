import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const chip: Migration = {
  async up(db: Kysely<any>) {
    // The chip files an app uploaded (ReadID live), as one encrypted blob; deleted with the process.
    await db.schema.alterTable('processes').addColumn('chip_files_key', 'text').execute();

    // Active Authentication challenges issued for a process: each can be answered once, until it expires.
    await db.schema
      .createTable('chip_challenges')
      .addColumn('challenge', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .addColumn('used_at', 'bigint')
      .execute();
    await db.schema.createIndex('chip_challenges_process').on('chip_challenges').column('process_id').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('chip_challenges').ifExists().execute();
    await db.schema.alterTable('processes').dropColumn('chip_files_key').execute();
  },
};
