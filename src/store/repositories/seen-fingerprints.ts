import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Fingerprints already seen, per kind; recording one tells whether it was there before. */
export class SeenFingerprintRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records the fingerprint; true when it had been recorded before (a replay). */
  async recordAndCheck(kind: string, fingerprint: string, clientId: string, now: number): Promise<boolean> {
    const inserted = await this.db
      .insertInto('seen_fingerprints')
      .values({ kind, fingerprint, client_id: clientId, created_at: now })
      .onConflict((oc) => oc.columns(['kind', 'fingerprint']).doNothing())
      .executeTakeFirst();
    return (inserted.numInsertedOrUpdatedRows ?? 0n) === 0n;
  }

  async deleteAllOfClient(clientId: string): Promise<void> {
    await this.db.deleteFrom('seen_fingerprints').where('client_id', '=', clientId).execute();
  }
}
