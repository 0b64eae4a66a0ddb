import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ProcessRecord, TransitionPatch } from '../../core/domain.js';
import type { ProcessStatus } from '../../core/process-status.js';
import { bucketOf, countBucketMs, type Database } from '../schema.js';
import { ReusableQuery } from '../reusable-query.js';
import { ProcessCountRepository } from './process-counts.js';
import { toPatchColumns, toProcessRecord, toProcessRow } from './process-rows.js';

// Get process is the most frequent call of the API: its lookup is compiled once.
const findProcess = new ReusableQuery((db, id: string, dossierId: string, clientId: string) =>
  db
    .selectFrom('processes')
    .selectAll()
    .where('id', '=', id)
    .where('dossier_id', '=', dossierId)
    .where('client_id', '=', clientId),
);

/**
 * Processes of a client. The per-hour counts are updated in the same statements' transaction by every
 * method that creates, deletes or changes the status of a process, so callers run these in a transaction.
 */
export class ProcessRepository {
  private readonly counts: ProcessCountRepository;

  constructor(private readonly db: Kysely<Database>) {
    this.counts = new ProcessCountRepository(db);
  }

  async insert(process: ProcessRecord): Promise<void> {
    await this.db.insertInto('processes').values(toProcessRow(process)).execute();
    await this.counts.add(process.clientId, bucketOf(process.createdAt), process.status, 1);
  }

  async find(clientId: string, dossierId: string, id: string): Promise<ProcessRecord | undefined> {
    const [row] = await findProcess.execute(this.db, id, dossierId, clientId);
    return row && toProcessRecord(row);
  }

  async listByDossier(dossierId: string): Promise<ProcessRecord[]> {
    const rows = await this.db
      .selectFrom('processes')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toProcessRecord);
  }

  /**
   * Changes the status only if it is still `from` (compare-and-set), so two concurrent changes cannot
   * both win. Returns false when another change got there first. Callers check the transition first.
   */
  async transition(
    process: ProcessRecord,
    from: ProcessStatus,
    to: ProcessStatus,
    now: number,
    patch: TransitionPatch = {},
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('processes')
      .set({
        ...toPatchColumns(patch),
        status: to,
        updated_at: now,
      })
      .where('id', '=', process.id)
      .where('status', '=', from)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    const bucket = bucketOf(process.createdAt);
    await this.counts.add(process.clientId, bucket, from, -1);
    await this.counts.add(process.clientId, bucket, to, 1);
    return true;
  }

  /**
   * Bumps updated_at (and records the first image's time) if the process is still pending, taking its
   * row lock; false if it is not.
   */
  async touchIfPending(id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('processes')
      .set((eb) => ({ updated_at: now, first_image_at: eb.fn.coalesce('first_image_at', eb.val(now)) }))
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Deletes a process with its status history; returns the blob keys (raw result, start input) it leaves. */
  /** Records the document the end-user chose in the capture flow, while the process is pending. */
  async setDocumentIfPending(
    id: string,
    document: { documentType: string | null; documentCountry: string | null; documentId: number | null },
    now: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('processes')
      .set({
        document_type: document.documentType,
        document_country: document.documentCountry,
        document_id: document.documentId,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(process: ProcessRecord): Promise<string[]> {
    const keys = await this.blobKeys(this.db.selectFrom('processes').where('id', '=', process.id));
    await this.db.deleteFrom('process_events').where('process_id', '=', process.id).execute();
    const result = await this.db.deleteFrom('processes').where('id', '=', process.id).executeTakeFirst();
    if (result.numDeletedRows > 0n) {
      await this.counts.add(process.clientId, bucketOf(process.createdAt), process.status, -1);
    }
    return keys;
  }

  /** The raw-result, start-input, engine-output and chip-file blob keys of the processes a query selects. */
  private async blobKeys(from: SelectQueryBuilder<Database, 'processes', object>): Promise<string[]> {
    const rows = await from
      .select(['raw_result_key', 'start_input_key', 'engine_output_key', 'chip_files_key'])
      .execute();
    return rows
      .flatMap((row) => [row.raw_result_key, row.start_input_key, row.engine_output_key, row.chip_files_key])
      .filter((key): key is string => key !== null);
  }

  /** Deletes every process of a dossier (with their histories), keeping the counts in step; returns their blob keys. */
  async deleteByDossier(clientId: string, dossierId: string): Promise<string[]> {
    const keys = await this.blobKeys(this.db.selectFrom('processes').where('dossier_id', '=', dossierId));
    await this.db
      .deleteFrom('process_events')
      .where('process_id', 'in', (eb) => eb.selectFrom('processes').select('id').where('dossier_id', '=', dossierId))
      .execute();
    const groups = await this.db
      .selectFrom('processes')
      .select([
        sql<number>`created_at / ${sql.lit(countBucketMs)}`.as('bucket'),
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('dossier_id', '=', dossierId)
      .groupBy(['bucket', 'status'])
      .execute();
    await this.db.deleteFrom('processes').where('dossier_id', '=', dossierId).execute();
    for (const group of groups) await this.counts.add(clientId, Number(group.bucket), group.status, -Number(group.n));
    return keys;
  }

  /** Deletes every process of a client (with their histories); returns their blob keys. */
  async deleteAllOfClient(clientId: string): Promise<string[]> {
    const keys = await this.blobKeys(this.db.selectFrom('processes').where('client_id', '=', clientId));
    await this.db.deleteFrom('process_events').where('client_id', '=', clientId).execute();
    await this.db.deleteFrom('processes').where('client_id', '=', clientId).execute();
    await this.counts.deleteAllOfClient(clientId);
    return keys;
  }

  /** A process by id alone, for jobs that run outside any client's request. */
  async findById(id: string): Promise<ProcessRecord | undefined> {
    const row = await this.db.selectFrom('processes').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toProcessRecord(row);
  }

  /** Sets the sandbox scenario of a process that has not finished. */
  /**
   * Records that the end-user's part of a pending or processing process is done; false when it was
   * already (or the process is final). Locks the row, so of two concurrent calls exactly one wins.
   */
  async markEndUserDone(id: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('processes')
      .set({ end_user_done_at: now, updated_at: now })
      .where('id', '=', id)
      .where('end_user_done_at', 'is', null)
      .where('status', 'in', ['pending', 'processing'])
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setSandboxScenario(id: string, scenario: string): Promise<void> {
    await this.db.updateTable('processes').set({ sandbox_scenario: scenario }).where('id', '=', id).execute();
  }

  /** Pending processes created before `createdBefore` (optionally of one provider), oldest first. */
  async listPending(createdBefore: number, limit: number, provider?: string): Promise<ProcessRecord[]> {
    let query = this.db
      .selectFrom('processes')
      .selectAll()
      .where('status', '=', 'pending')
      .where('created_at', '<', createdBefore);
    if (provider !== undefined) query = query.where('provider', '=', provider);
    const rows = await query.orderBy('created_at').limit(limit).execute();
    return rows.map(toProcessRecord);
  }

  /** Pending processes of a provider whose first image arrived before `before`. */
  async listPendingByFirstImage(provider: string, before: number, limit: number): Promise<ProcessRecord[]> {
    const rows = await this.db
      .selectFrom('processes')
      .selectAll()
      .where('status', '=', 'pending')
      .where('provider', '=', provider)
      .where('first_image_at', '<', before)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toProcessRecord);
  }

  /** Processes that entered processing before `before` and are still in it, oldest first. */
  /** Keeps the raw result (and engine output) of a process that stays processing while a person reviews it. */
  async keepResultWhileProcessing(
    id: string,
    rawResultKey: string,
    engineOutputKey: string | null,
    now: number,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('processes')
      .set({ raw_result_key: rawResultKey, engine_output_key: engineOutputKey, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Processes processing since before `before`, except those waiting in the review queue (a person decides them). */
  async listProcessingStartedBefore(before: number, limit: number): Promise<ProcessRecord[]> {
    const rows = await this.db
      .selectFrom('processes')
      .selectAll()
      .where('status', '=', 'processing')
      .where('started_at', '<', before)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('reviews')
              .select('reviews.process_id')
              .whereRef('reviews.process_id', '=', 'processes.id')
              .where('reviews.state', '=', 'queued'),
          ),
        ),
      )
      .orderBy('started_at')
      .limit(limit)
      .execute();
    return rows.map(toProcessRecord);
  }
}
