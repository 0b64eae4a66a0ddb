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
}

const toRecord = (row: Selectable<ClientsTable>): ClientRecord => ({
  id: row.id,
  name: row.name,
  secretHash: row.secret_hash,
  environment: row.environment,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
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

  async insert(client: ClientRecord): Promise<void> {
    await this.db
      .insertInto('clients')
      .values({
        id: client.id,
        name: client.name,
        secret_hash: client.secretHash,
        environment: client.environment,
        created_at: client.createdAt,
        updated_at: client.updatedAt,
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

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('clients').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
