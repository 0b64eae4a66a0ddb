import type { Kysely, Selectable } from 'kysely';
import type { ClientsTable, Database } from '../schema.js';
import type { ClientEnvironment } from '../../core/domain.js';

export interface ClientRecord {
  id: string;
  name: string;
  secretHash: string;
  environment: ClientEnvironment;
  createdAt: number;
  updatedAt: number;
  /** Days after a dossier's last final status until retention deletes it; null: the server's setting, 0: never. */
  retentionDays: number | null;
}

const toRecord = (row: Selectable<ClientsTable>): ClientRecord => ({
  id: row.id,
  name: row.name,
  secretHash: row.secret_hash,
  environment: row.environment,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  retentionDays: row.retention_days,
});

export class ClientRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(id: string): Promise<ClientRecord | undefined> {
    const row = await this.db.selectFrom('clients').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<ClientRecord[]> {
    const rows = await this.db.selectFrom('clients').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toRecord);
  }

  async insert(
    client: Omit<ClientRecord, 'retentionDays'> & Partial<Pick<ClientRecord, 'retentionDays'>>,
  ): Promise<void> {
    await this.db
      .insertInto('clients')
      .values({
        id: client.id,
        name: client.name,
        secret_hash: client.secretHash,
        environment: client.environment,
        created_at: client.createdAt,
        updated_at: client.updatedAt,
        retention_days: client.retentionDays ?? null,
      })
      .execute();
  }

  async updateCredentials(id: string, secretHash: string, environment: ClientEnvironment, now: number): Promise<void> {
    await this.db
      .updateTable('clients')
      .set({ secret_hash: secretHash, environment, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  /** False when there is no such client. */
  async setRetentionDays(id: string, days: number | null, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('clients')
      .set({ retention_days: days, updated_at: now })
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('clients').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
