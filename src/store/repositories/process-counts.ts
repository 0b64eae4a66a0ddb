import { sql, type Kysely } from 'kysely';
import type { ProcessStatus } from '../../core/process-status.js';
import type { Database } from '../schema.js';

export interface BucketCount {
  bucket: number;
  count: number;
}

/** Per-client, per-hour, per-status process counts (see ProcessCountsTable). */
export class ProcessCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(clientId: string, bucket: number, status: ProcessStatus, delta: number): Promise<void> {
    if (delta === 0) return;
    await this.db
      .insertInto('process_counts')
      .values({ client_id: clientId, bucket, status, count: delta })
      .onConflict((oc) =>
        oc.columns(['client_id', 'bucket', 'status']).doUpdateSet({
          count: sql<number>`process_counts.count + ${delta}`,
        }),
      )
      .execute();
  }

  /** Counts per bucket in [fromBucket, toBucket], for the given statuses (all when empty), ascending. */
  async perBucket(
    clientId: string,
    fromBucket: number,
    toBucket: number,
    statuses: readonly ProcessStatus[],
  ): Promise<BucketCount[]> {
    let query = this.db
      .selectFrom('process_counts')
      .select(['bucket', (eb) => eb.fn.sum<number>('count').as('n')])
      .where('client_id', '=', clientId)
      .where('bucket', '>=', fromBucket)
      .where('bucket', '<=', toBucket);
    if (statuses.length > 0) query = query.where('status', 'in', statuses);
    const rows = await query.groupBy('bucket').orderBy('bucket').execute();
    return rows.map((row) => ({ bucket: Number(row.bucket), count: Number(row.n) })).filter((row) => row.count > 0);
  }

  async deleteAllOfClient(clientId: string): Promise<void> {
    await this.db.deleteFrom('process_counts').where('client_id', '=', clientId).execute();
  }
}
