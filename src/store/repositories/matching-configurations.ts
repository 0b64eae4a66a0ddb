import type { Kysely, Selectable } from 'kysely';
import type { FieldConfiguration } from '../../matching/types.js';
import type { Database, MatchingConfigurationsTable } from '../schema.js';

export interface MatchingConfigurationRecord {
  clientId: string;
  id: string;
  /** Every default written out (see matching/configuration.ts), in the order the client gave them. */
  fields: FieldConfiguration[];
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<MatchingConfigurationsTable>): MatchingConfigurationRecord => ({
  clientId: row.client_id,
  id: row.id,
  fields: JSON.parse(row.fields) as FieldConfiguration[],
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Matching configurations, always read and written within one client. */
export class MatchingConfigurationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(clientId: string, id: string): Promise<MatchingConfigurationRecord | undefined> {
    const row = await this.db
      .selectFrom('matching_configurations')
      .selectAll()
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(clientId: string): Promise<MatchingConfigurationRecord[]> {
    const rows = await this.db
      .selectFrom('matching_configurations')
      .selectAll()
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Inserts unless the client already has this id; false then. Atomic, so two racing creates cannot both win. */
  async insertIfAbsent(record: MatchingConfigurationRecord): Promise<boolean> {
    const result = await this.db
      .insertInto('matching_configurations')
      .values({
        client_id: record.clientId,
        id: record.id,
        fields: JSON.stringify(record.fields),
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      })
      .onConflict((conflict) => conflict.columns(['client_id', 'id']).doNothing())
      .executeTakeFirst();
    return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
  }

  /** Replaces the fields; false when the client has no configuration of this id. */
  async update(clientId: string, id: string, fields: FieldConfiguration[], now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('matching_configurations')
      .set({ fields: JSON.stringify(fields), updated_at: now })
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(clientId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('matching_configurations')
      .where('client_id', '=', clientId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
