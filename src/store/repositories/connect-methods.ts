import type { Kysely, Selectable } from 'kysely';
import type { ConnectMethodsTable, Database } from '../schema.js';

/** A stored eID method: its settings (JSON, no secret) and the secret sealed apart. */
export interface ConnectMethodRecord {
  clientId: string;
  method: string;
  settings: Record<string, unknown>;
  clientSecretSealed: string | null;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<ConnectMethodsTable>): ConnectMethodRecord => ({
  clientId: row.client_id,
  method: row.method,
  settings: JSON.parse(row.settings) as Record<string, unknown>,
  clientSecretSealed: row.client_secret_sealed,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** eID methods, always read and written within one client. */
export class ConnectMethodRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(clientId: string, method: string): Promise<ConnectMethodRecord | undefined> {
    const row = await this.db
      .selectFrom('connect_methods')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('method', '=', method)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(clientId: string): Promise<ConnectMethodRecord[]> {
    const rows = await this.db
      .selectFrom('connect_methods')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('method')
      .execute();
    return rows.map(toRecord);
  }

  /** Creates or replaces the method in one statement, so racing PUTs cannot both create it. */
  async upsert(
    record: Omit<ConnectMethodRecord, 'createdAt' | 'updatedAt'>,
    now: number,
  ): Promise<ConnectMethodRecord> {
    const row = await this.db
      .insertInto('connect_methods')
      .values({
        client_id: record.clientId,
        method: record.method,
        settings: JSON.stringify(record.settings),
        client_secret_sealed: record.clientSecretSealed,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['client_id', 'method']).doUpdateSet({
          settings: JSON.stringify(record.settings),
          client_secret_sealed: record.clientSecretSealed,
          updated_at: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async delete(clientId: string, method: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('connect_methods')
      .where('client_id', '=', clientId)
      .where('method', '=', method)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
