import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A dossier's sealed data key and the random id blob headers name it by. */
export interface SealedDossierKey {
  id: string;
  sealed: string;
}

/**
 * The dossiers' sealed data keys. Rows go with their dossier (a cascading foreign key), so every path
 * that deletes a dossier (the API, retention, deleting the client) also destroys its key.
 */
export class DossierKeyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The dossier's key: the stored one, or this candidate stored now. Two writers racing for the same
   * dossier both end up with the one that was stored first. Fails when the dossier does not exist.
   */
  async ensure(dossierId: string, candidate: SealedDossierKey, now: number): Promise<SealedDossierKey> {
    await this.db
      .insertInto('dossier_keys')
      .values({ id: candidate.id, dossier_id: dossierId, key_sealed: candidate.sealed, created_at: now })
      .onConflict((oc) => oc.column('dossier_id').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('dossier_keys')
      .select(['id', 'key_sealed'])
      .where('dossier_id', '=', dossierId)
      .executeTakeFirstOrThrow();
    return { id: row.id, sealed: row.key_sealed };
  }

  /** The sealed key with this id; undefined once its dossier was deleted. */
  async findSealed(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('dossier_keys').select('key_sealed').where('id', '=', id).executeTakeFirst();
    return row?.key_sealed;
  }
}
