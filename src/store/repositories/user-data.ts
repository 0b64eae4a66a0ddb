import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface UserDataRecord {
  dossierId: string;
  data: Record<string, unknown>;
  createdAt: number;
  updatedAt: number;
}

export class UserDataRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(dossierId: string): Promise<UserDataRecord | undefined> {
    const row = await this.db
      .selectFrom('user_data')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      dossierId: row.dossier_id,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async insert(record: UserDataRecord): Promise<void> {
    await this.db
      .insertInto('user_data')
      .values({
        dossier_id: record.dossierId,
        data: JSON.stringify(record.data),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .execute();
  }

  async update(dossierId: string, data: Record<string, unknown>, now: number): Promise<void> {
    await this.db
      .updateTable('user_data')
      .set({ data: JSON.stringify(data), updated_at: now })
      .where('dossier_id', '=', dossierId)
      .execute();
  }

  async delete(dossierId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('user_data').where('dossier_id', '=', dossierId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
