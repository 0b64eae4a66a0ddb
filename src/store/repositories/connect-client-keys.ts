import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ConnectClientKeysRecord {
  clientId: string;
  /** The public id of the key set, in its JWKS URL. */
  keySetId: string;
  privateKeysSealed: string;
  publicJwks: string;
  createdAt: number;
}

/** Each client's own key pair for its issuers. */
export class ConnectClientKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async findByClient(clientId: string): Promise<ConnectClientKeysRecord | undefined> {
    const row = await this.db
      .selectFrom('connect_client_keys')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** The published half only is needed here: the JWKS URL is public. */
  async findPublicJwks(keySetId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('connect_client_keys')
      .select('public_jwks')
      .where('key_set_id', '=', keySetId)
      .executeTakeFirst();
    return row?.public_jwks;
  }

  /** Inserts unless the client has a key pair already (two first uses racing keep one). */
  async insertIfAbsent(record: ConnectClientKeysRecord): Promise<void> {
    await this.db
      .insertInto('connect_client_keys')
      .values({
        client_id: record.clientId,
        key_set_id: record.keySetId,
        private_keys_sealed: record.privateKeysSealed,
        public_jwks: record.publicJwks,
        created_at: record.createdAt,
      })
      .onConflict((conflict) => conflict.column('client_id').doNothing())
      .execute();
  }
}

const toRecord = (row: {
  client_id: string;
  key_set_id: string;
  private_keys_sealed: string;
  public_jwks: string;
  created_at: number;
}): ConnectClientKeysRecord => ({
  clientId: row.client_id,
  keySetId: row.key_set_id,
  privateKeysSealed: row.private_keys_sealed,
  publicJwks: row.public_jwks,
  createdAt: row.created_at,
});
