import type { Kysely } from 'kysely';
import type { Database, IdempotencyRecordsTable } from '../schema.js';

export interface IdempotencyRecord {
  fingerprint: string;
  state: 'running' | 'done';
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
  lockedUntil: number;
  expiresAt: number;
}

/** The first answer to each client's Idempotency-Key (see src/http/plugins/idempotency.ts). */
export class IdempotencyRecordRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Takes the key for a request about to run; false when another request holds or held it. */
  async claim(
    clientId: string,
    key: string,
    fingerprint: string,
    now: number,
    lockMs: number,
    ttlMs: number,
  ): Promise<boolean> {
    const result = await this.db
      .insertInto('idempotency_records')
      .values({
        client_id: clientId,
        key,
        fingerprint,
        state: 'running',
        status_code: null,
        content_type: null,
        body: null,
        locked_until: now + lockMs,
        created_at: now,
        expires_at: now + ttlMs,
      })
      .onConflict((oc) => oc.columns(['client_id', 'key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async find(clientId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const row = await this.db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /**
   * Takes over a key whose holder is gone: an expired record, or a `running` one past its lock (its node
   * died). Compare-and-set on the lock, so that of several waiters exactly one takes it.
   */
  async takeOver(
    clientId: string,
    key: string,
    seen: IdempotencyRecord,
    fingerprint: string,
    now: number,
    lockMs: number,
    ttlMs: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('idempotency_records')
      .set({
        fingerprint,
        state: 'running',
        status_code: null,
        content_type: null,
        body: null,
        locked_until: now + lockMs,
        created_at: now,
        expires_at: now + ttlMs,
      })
      .where('client_id', '=', clientId)
      .where('key', '=', key)
      .where('locked_until', '=', seen.lockedUntil)
      .where('expires_at', '=', seen.expiresAt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async complete(
    clientId: string,
    key: string,
    answer: { statusCode: number; contentType: string | null; body: string },
  ): Promise<void> {
    await this.db
      .updateTable('idempotency_records')
      .set({ state: 'done', status_code: answer.statusCode, content_type: answer.contentType, body: answer.body })
      .where('client_id', '=', clientId)
      .where('key', '=', key)
      .execute();
  }

  /** Frees a key whose request had no answer worth replaying (a server error): a retry runs again. */
  async release(clientId: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('idempotency_records')
      .where('client_id', '=', clientId)
      .where('key', '=', key)
      .where('state', '=', 'running')
      .execute();
  }

  async prune(now: number): Promise<void> {
    await this.db.deleteFrom('idempotency_records').where('expires_at', '<', now).execute();
  }
}

function toRecord(row: IdempotencyRecordsTable): IdempotencyRecord {
  return {
    fingerprint: row.fingerprint,
    state: row.state,
    statusCode: row.status_code,
    contentType: row.content_type,
    body: row.body,
    lockedUntil: Number(row.locked_until),
    expiresAt: Number(row.expires_at),
  };
}
