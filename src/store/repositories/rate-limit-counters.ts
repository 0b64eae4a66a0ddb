import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Fixed-window counters in the database, shared by every node on it. */
export class RateLimitCounterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Counts one more in the bucket's window; returns the count including this one (one atomic upsert). */
  async increment(bucket: string, windowStart: number, expiresAt: number): Promise<number> {
    const row = await this.db
      .insertInto('rate_limit_counters')
      .values({ bucket, window_start: windowStart, count: 1, expires_at: expiresAt })
      .onConflict((oc) =>
        oc.columns(['bucket', 'window_start']).doUpdateSet({ count: sql<number>`rate_limit_counters.count + 1` }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** When the bucket's window row expires, if there is one. */
  async expiry(bucket: string, windowStart: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('rate_limit_counters')
      .select('expires_at')
      .where('bucket', '=', bucket)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return row ? Number(row.expires_at) : undefined;
  }

  async clear(bucket: string): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('bucket', '=', bucket).execute();
  }

  async prune(now: number): Promise<void> {
    await this.db.deleteFrom('rate_limit_counters').where('expires_at', '<', now).execute();
  }
}
