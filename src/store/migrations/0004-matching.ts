import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const matching: Migration = {
  async up(db: Kysely<any>) {
    // Matching configurations are named by the client, so the id is unique per client, not globally:
    // two clients may both have a "Configuration1" and never see each other's.
    await db.schema
      .createTable('matching_configurations')
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('matching_configurations_pk', ['client_id', 'id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('matching_configurations').ifExists().execute();
  },
};
