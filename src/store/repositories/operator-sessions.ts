import type { Kysely, Selectable } from 'kysely';
import type { Database, OperatorSessionStage, OperatorSessionsTable } from '../schema.js';

export interface OperatorSessionRecord {
  idHash: string;
  email: string;
  stage: OperatorSessionStage;
  csrfToken: string;
  pendingTotpSealed: string | null;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
}

const toRecord = (row: Selectable<OperatorSessionsTable>): OperatorSessionRecord => ({
  idHash: row.id_hash,
  email: row.email,
  stage: row.stage,
  csrfToken: row.csrf_token,
  pendingTotpSealed: row.pending_totp_sealed,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: row.expires_at,
});

/** Console sessions, by the hash of their token. */
export class OperatorSessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: OperatorSessionRecord): Promise<void> {
    await this.db
      .insertInto('operator_sessions')
      .values({
        id_hash: session.idHash,
        email: session.email,
        stage: session.stage,
        csrf_token: session.csrfToken,
        pending_totp_sealed: session.pendingTotpSealed,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async find(idHash: string): Promise<OperatorSessionRecord | undefined> {
    const row = await this.db
      .selectFrom('operator_sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async touch(idHash: string, now: number): Promise<void> {
    await this.db.updateTable('operator_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }

  async setStage(idHash: string, stage: OperatorSessionStage): Promise<void> {
    await this.db
      .updateTable('operator_sessions')
      .set({ stage, pending_totp_sealed: null })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async setPendingTotp(idHash: string, sealed: string): Promise<void> {
    await this.db
      .updateTable('operator_sessions')
      .set({ pending_totp_sealed: sealed })
      .where('id_hash', '=', idHash)
      .execute();
  }

  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('operator_sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteAllOf(email: string): Promise<void> {
    await this.db.deleteFrom('operator_sessions').where('email', '=', email).execute();
  }

  /** Removes sessions past their absolute or idle end. */
  async deleteExpired(now: number, idleBefore: number): Promise<void> {
    await this.db
      .deleteFrom('operator_sessions')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
      .execute();
  }
}
