import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface SigningKeyRecord {
  kid: string;
  algorithm: string;
  privateJwkSealed: string;
  publicJwk: string;
  createdAt: number;
  /** When the key stops verifying (its last tokens have expired); null while it signs. */
  retiredAt: number | null;
}

export class SigningKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keys that still verify tokens at `now`, newest first: the one still signing and the retiring ones. */
  async listVerifying(now: number): Promise<SigningKeyRecord[]> {
    const rows = await this.db
      .selectFrom('signing_keys')
      .selectAll()
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', now)]))
      .orderBy('created_at', 'desc')
      .orderBy('kid', 'desc')
      .execute();
    return rows.map((row) => ({
      kid: row.kid,
      algorithm: row.algorithm,
      privateJwkSealed: row.private_jwk_sealed,
      publicJwk: row.public_jwk,
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    }));
  }

  /** Stops a key signing, to verify until `retiresAt`; false when it was no longer the signing key. */
  async retire(kid: string, retiresAt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('signing_keys')
      .set({ retired_at: retiresAt })
      .where('kid', '=', kid)
      .where('retired_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async insert(key: SigningKeyRecord): Promise<void> {
    await this.db
      .insertInto('signing_keys')
      .values({
        kid: key.kid,
        algorithm: key.algorithm,
        private_jwk_sealed: key.privateJwkSealed,
        public_jwk: key.publicJwk,
        created_at: key.createdAt,
        retired_at: key.retiredAt,
      })
      .execute();
  }
}
