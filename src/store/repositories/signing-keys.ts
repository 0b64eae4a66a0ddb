import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface SigningKeyRecord {
  kid: string;
  algorithm: string;
  privateJwkSealed: string;
  publicJwk: string;
  createdAt: number;
  retiredAt: number | null;
}

export class SigningKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Keys that still verify tokens, newest first; the first one signs. */
  async listActive(): Promise<SigningKeyRecord[]> {
    const rows = await this.db
      .selectFrom('signing_keys')
      .selectAll()
      .where('retired_at', 'is', null)
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
