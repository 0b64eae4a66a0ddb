import type { Kysely, Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const captureVideo: Migration = {
  async up(db: Kysely<any>) {
    // The selfie video step of live video identifications (JSON): the prompt the end-user was given
    // and what the kept video is (content type, size, duration), for the reviewer to see beside it.
    await db.schema.alterTable('capture_flows').addColumn('selfie_video', 'text').execute();
  },

  async down(db: Kysely<any>) {
    await db.schema.alterTable('capture_flows').dropColumn('selfie_video').execute();
  },
};
