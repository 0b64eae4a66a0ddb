import type { Kysely } from 'kysely';
import type { ProcessStatus } from '../../core/process-status.js';
import type { Database } from '../schema.js';

export interface ProcessEvent {
  id: string;
  processId: string;
  dossierId: string;
  clientId: string;
  status: ProcessStatus;
  createdAt: number;
}

/** The status history of processes, written by every status change. */
export class ProcessEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(event: ProcessEvent): Promise<void> {
    await this.db
      .insertInto('process_events')
      .values({
        id: event.id,
        process_id: event.processId,
        dossier_id: event.dossierId,
        client_id: event.clientId,
        status: event.status,
        created_at: event.createdAt,
      })
      .execute();
  }

  async listByProcess(processId: string): Promise<ProcessEvent[]> {
    const rows = await this.db
      .selectFrom('process_events')
      .selectAll()
      .where('process_id', '=', processId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      processId: row.process_id,
      dossierId: row.dossier_id,
      clientId: row.client_id,
      status: row.status,
      createdAt: row.created_at,
    }));
  }

  async deleteByProcesses(processIds: readonly string[]): Promise<void> {
    if (processIds.length > 0)
      await this.db.deleteFrom('process_events').where('process_id', 'in', processIds).execute();
  }

  async deleteAllOfClient(clientId: string): Promise<void> {
    await this.db.deleteFrom('process_events').where('client_id', '=', clientId).execute();
  }
}
