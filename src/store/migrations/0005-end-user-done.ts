import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const endUserDone: Migration = {
  async up(db: Kysely<any>) {
    // When the end-user's part of a process was done (the sandbox complete call): it is done once.
    await db.schema.alterTable('processes').addColumn('end_user_done_at', 'bigint').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.alterTable('processes').dropColumn('end_user_done_at').execute();
  },
};
