import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const dossierKeys: Migration = {
  async up(db: Kysely<any>) {
    // One data key per dossier, sealed by the master key. Blobs of the dossier (format version 3) wrap
    // their own keys with it, so deleting this row (with the dossier: the cascade) makes every copy of
    // those blobs, in backups too, unreadable. The id is random and is what a blob's header names.
    await db.schema
      .createTable('dossier_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().unique().references('dossiers.id').onDelete('cascade'))
      .addColumn('key_sealed', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();

    // A client's own retention in days; null follows OPENASSURE_RETENTION_DAYS.
    await db.schema.alterTable('clients').addColumn('retention_days', 'integer').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.alterTable('clients').dropColumn('retention_days').execute();
    await db.schema.dropTable('dossier_keys').ifExists().execute();
  },
};
