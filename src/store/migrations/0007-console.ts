import { PostgresAdapter, sql, type Kysely, type Migration } from 'kysely';

// Migrations are written against `Kysely<any>` on purpose: they describe past schemas, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const consoleTables: Migration = {
  async up(db: Kysely<any>) {
    // Operators of the console, by email. `clients` (JSON array) limits what they see; null: every client.
    await db.schema
      .createTable('operators')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('clients', 'text')
      .addColumn('totp_secret_sealed', 'text')
      .addColumn('totp_last_step', 'bigint')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    // Console sessions by the SHA-256 of the cookie's token: the database never holds a usable session.
    await db.schema
      .createTable('operator_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().references('operators.email').onDelete('cascade'))
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('pending_totp_sealed', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
      .addColumn('expires_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('operator_sessions_by_email').on('operator_sessions').column('email').execute();

    // Failed sign-ins, by email and by address, for the slow-down and the lockout.
    await db.schema
      .createTable('sign_in_failures')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sign_in_failures_by_key').on('sign_in_failures').columns(['key', 'at']).execute();

    // What operators did. Append-only: the triggers below refuse UPDATE and DELETE.
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'bigint', (c) => c.notNull())
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('before', 'text')
      .addColumn('after', 'text')
      .execute();
    await db.schema.createIndex('audit_log_by_time').on('audit_log').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_log_by_operator').on('audit_log').columns(['operator', 'at']).execute();
    await refuseChanges(db, 'audit_log');

    await db.schema
      .createTable('client_settings')
      .addColumn('client_id', 'text', (c) => c.primaryKey().references('clients.id').onDelete('cascade'))
      .addColumn('review_inconclusive', 'text', (c) => c.notNull())
      .addColumn('four_eyes', 'integer', (c) => c.notNull())
      .execute();

    // The manual review queue and its decisions (used by the review part of the console).
    await db.schema
      .createTable('reviews')
      .addColumn('process_id', 'text', (c) => c.primaryKey().references('processes.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('provider', 'text', (c) => c.notNull())
      .addColumn('queued_at', 'bigint', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claim_expires_at', 'bigint')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('decided_at', 'bigint')
      .execute();
    await db.schema.createIndex('reviews_by_state').on('reviews').columns(['state', 'queued_at']).execute();
    await db.schema
      .createTable('review_decisions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('operator', 'text', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('corrections', 'text')
      .addColumn('at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('review_decisions_by_process')
      .on('review_decisions')
      .columns(['process_id', 'at'])
      .execute();

    // The console's search: every process newest first, or by one of its identifiers, status or provider.
    // (client_id, created_at) is served by processes_by_client_time read backwards, dossier ids by
    // processes_by_dossier, (status, created_at) by processes_by_status_time.
    await db.schema.createIndex('processes_by_time').on('processes').columns(['created_at', 'id']).execute();
    await db.schema.createIndex('processes_by_external_id').on('processes').column('external_id').execute();
    await db.schema
      .createIndex('processes_by_provider_time')
      .on('processes')
      .columns(['provider', 'created_at'])
      .execute();
    await db.schema.createIndex('dossiers_by_external_reference').on('dossiers').column('external_reference').execute();
    await db.schema
      .createIndex('deliveries_by_time')
      .on('notification_deliveries')
      .columns(['created_at', 'id'])
      .execute();
  },

  async down(db: Kysely<any>) {
    for (const index of [
      'deliveries_by_time',
      'dossiers_by_external_reference',
      'processes_by_provider_time',
      'processes_by_external_id',
      'processes_by_time',
    ]) {
      await db.schema.dropIndex(index).ifExists().execute();
    }
    for (const table of [
      'review_decisions',
      'reviews',
      'client_settings',
      'audit_log',
      'sign_in_failures',
      'operator_sessions',
      'operators',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`drop function if exists openassure_refuse_change()`.execute(db);
    }
  },
};

/** Triggers that make a table append-only at the database: UPDATE and DELETE fail, whoever runs them. */
async function refuseChanges(db: Kysely<any>, table: string): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`
      create or replace function openassure_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only: % refused', tg_table_name, tg_op;
      end $$`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
      for each row execute function openassure_refuse_change()`.execute(db);
    // TRUNCATE skips row triggers; refuse it as well.
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
      for each statement execute function openassure_refuse_change()`.execute(db);
    return;
  }
  for (const operation of ['update', 'delete'] as const) {
    await sql`
      create trigger ${sql.raw(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
      begin
        select raise(abort, ${sql.lit(`${table} is append-only: ${operation} refused`)});
      end`.execute(db);
  }
}
