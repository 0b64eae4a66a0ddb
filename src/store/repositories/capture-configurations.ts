import type { Kysely, Selectable } from 'kysely';
import type { CaptureConfiguration } from '../../capture/configuration.js';
import type { CaptureConfigurationsTable, Database } from '../schema.js';

export interface CaptureConfigurationRecord {
  clientId: string;
  id: string;
  configuration: CaptureConfiguration;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<CaptureConfigurationsTable>): CaptureConfigurationRecord => ({
  clientId: row.client_id,
  id: row.id,
  configuration: JSON.parse(row.configuration) as CaptureConfiguration,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Capture configurations, always read and written within one client. */
export class CaptureConfigurationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(clientId: string, id: string): Promise<CaptureConfigurationRecord | undefined> {
    const row = await this.db
      .selectFrom('capture_configurations')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  /** Ids and dates only: the list endpoint shows no more, and configurations can be large. */
  async list(clientId: string): Promise<Omit<CaptureConfigurationRecord, 'configuration'>[]> {
    const rows = await this.db
      .selectFrom('capture_configurations')
      .select(['client_id', 'id', 'created_at', 'updated_at'])
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      clientId: row.client_id,
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  /** Inserts unless the client already has this id; false then. Atomic, so two racing creates cannot both win. */
  async insertIfAbsent(record: CaptureConfigurationRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('capture_configurations')
      .values({
        client_id: record.clientId,
        id: record.id,
        configuration: JSON.stringify(record.configuration),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .onConflict((conflict) => conflict.columns(['client_id', 'id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  /** Replaces the whole configuration (upstream's update is a full replace); false when there is none. */
  async replace(clientId: string, id: string, configuration: CaptureConfiguration, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('capture_configurations')
      .set({ configuration: JSON.stringify(configuration), updated_at: now })
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(clientId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('capture_configurations')
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
