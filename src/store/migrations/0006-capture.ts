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
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('capture_configurations').ifExists().execute();
  },
};
