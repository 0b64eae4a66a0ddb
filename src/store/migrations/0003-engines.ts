import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const engines: Migration = {
  async up(db: Kysely<any>) {
    // What the built-in engines measured for a live verification (MRZ reading, faces, image checks),
    // kept beside the provider-shaped raw result and handed out in the download.
    await db.schema.alterTable('processes').addColumn('engine_output_key', 'text').execute();
    // Fingerprints of FaceTec face scans already used, so that a replayed scan is caught.
    await db.schema
      .createTable('seen_fingerprints')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('seen_fingerprints_pk', ['kind', 'fingerprint'])
      .execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.dropTable('seen_fingerprints').ifExists().execute();
    await db.schema.alterTable('processes').dropColumn('engine_output_key').execute();
  },
};
