import type { Kysely, Selectable } from 'kysely';
import type { ConnectAuthorizationsTable, Database } from '../schema.js';

export interface ConnectAuthorizationRecord {
  stateHash: string;
  processId: string;
  clientId: string;
  method: string;
  /** Nonce and PKCE verifier, sealed. */
  secretsSealed: string;
  browserHash: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

const toRecord = (row: Selectable<ConnectAuthorizationsTable>): ConnectAuthorizationRecord => ({
  stateHash: row.state_hash,
  processId: row.process_id,
  clientId: row.client_id,
  method: row.method,
  secretsSealed: row.secrets_sealed,
  browserHash: row.browser_hash,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  usedAt: row.used_at,
});

/** Logins sent to an issuer, by the hash of their state. */
export class ConnectAuthorizationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(record: Omit<ConnectAuthorizationRecord, 'usedAt'>): Promise<void> {
    await this.db
      .insertInto('connect_authorizations')
      .values({
        state_hash: record.stateHash,
        process_id: record.processId,
        client_id: record.clientId,
        method: record.method,
        secrets_sealed: record.secretsSealed,
        browser_hash: record.browserHash,
        created_at: record.createdAt,
        expires_at: record.expiresAt,
      })
      .execute();
  }

  async find(stateHash: string): Promise<ConnectAuthorizationRecord | undefined> {
    const row = await this.db
      .selectFrom('connect_authorizations')
      .selectAll()
      .where('state_hash', '=', stateHash)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Marks it used; false when it already was (a replayed callback, or one racing this). */
  async use(stateHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('connect_authorizations')
      .set({ used_at: now })
      .where('state_hash', '=', stateHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
