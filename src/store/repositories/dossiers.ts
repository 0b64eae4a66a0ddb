import type { Kysely, Selectable } from 'kysely';
import type { Database, DossiersTable } from '../schema.js';

export interface DossierRecord {
  id: string;
  clientId: string;
  externalReference: string | null;
  createdAt: number;
  updatedAt: number;
}

export const toDossierRecord = (row: Selectable<DossiersTable>): DossierRecord => ({
  id: row.id,
  clientId: row.client_id,
  externalReference: row.external_reference,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Every query is scoped by client: another client's dossier simply does not exist. */
export class DossierRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(dossier: DossierRecord): Promise<void> {
    await this.db
      .insertInto('dossiers')
      .values({
        id: dossier.id,
        client_id: dossier.clientId,
        external_reference: dossier.externalReference,
        created_at: dossier.createdAt,
        updated_at: dossier.updatedAt,
      })
      .execute();
  }

  async find(clientId: string, id: string): Promise<DossierRecord | undefined> {
    const row = await this.db
      .selectFrom('dossiers')
      .selectAll()
      .where('id', '=', id)
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    return row && toDossierRecord(row);
  }

  async listNewest(clientId: string, limit: number): Promise<DossierRecord[]> {
    const rows = await this.db
      .selectFrom('dossiers')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDossierRecord);
  }

  async listIds(clientId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('dossiers').select('id').where('client_id', '=', clientId).execute();
    return rows.map((row) => row.id);
  }

  /**
   * The client's dossiers that retention may delete: unchanged since `before`, and every process of
   * theirs reached its final status before it too (a dossier without processes counts from its last
   * change). Oldest first. With `onlyId`, that dossier if it qualifies.
   */
  async listRetired(clientId: string, before: number, limit: number, onlyId?: string): Promise<string[]> {
    let query = this.db.selectFrom('dossiers as d').select('d.id').where('d.client_id', '=', clientId);
    if (onlyId !== undefined) query = query.where('d.id', '=', onlyId);
    const rows = await query
      .where('d.updated_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('processes as p')
              .select('p.id')
              .whereRef('p.dossier_id', '=', 'd.id')
              .where((p) =>
                p.or([
                  p('p.status', 'in', ['pending', 'processing']),
                  p('p.finished_at', 'is', null),
                  p('p.finished_at', '>=', before),
                ]),
              ),
          ),
        ),
      )
      .orderBy('d.updated_at')
      .orderBy('d.id')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }

  async touch(id: string, now: number): Promise<void> {
    await this.db.updateTable('dossiers').set({ updated_at: now }).where('id', '=', id).execute();
  }

  async delete(clientId: string, id: string): Promise<void> {
    await this.db.deleteFrom('dossiers').where('id', '=', id).where('client_id', '=', clientId).execute();
  }

  async deleteAll(clientId: string): Promise<void> {
    await this.db.deleteFrom('dossiers').where('client_id', '=', clientId).execute();
  }
}
