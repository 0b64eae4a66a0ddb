import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';
import { assertPayload, type JobHandle, type RunnableJob } from './define-job.js';
import type { RunResult } from './run-job.js';
import { createHeartbeatsTable, JobHeartbeats, type HeartbeatSettings } from './job-heartbeats.js';
import { createSchedulesTable, Schedules } from './schedules.js';
import { SettledListeners } from './settled.js';
import type { EnqueueOptions, JobQueue, QueueStat, NoPayload, SettledJob, WorkerOptions } from './types.js';

export interface PgBossSettings {
  connectionString: string;
  /** How often pg-boss looks for expired active jobs (jobs of dead workers). */
  maintenanceIntervalSeconds: number;
  /** Workers' heartbeats: a dead worker's jobs run again after `deadAfterSeconds`, not their timeout. */
  heartbeats: HeartbeatSettings;
}

/** pg-boss's schema, where its `job` table lives. */
const bossSchema = 'pgboss';
/** Past this share of its timeout, pg-boss may already have failed a run: its worker then records nothing. */
const lateShare = 0.9;

/**
 * Jobs in pg-boss on the same PostgreSQL as the data (schema `pgboss`). Enqueueing inside a transaction
 * uses that transaction's connection, so a job exists exactly when the status change that made it does.
 * Schedules live in our own table (see schedules.ts), not in pg-boss's cron, which counts in minutes.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly settled: SettledListeners;
  private readonly schedules: Schedules;
  private readonly heartbeats: JobHeartbeats;
  private started = false;

  constructor(
    settings: PgBossSettings,
    private readonly db: Kysely<Database>,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      connectionString: settings.connectionString,
      max: 4,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      monitorStateIntervalSeconds: 60,
      schedule: false,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
    this.settled = new SettledListeners(logger);
    this.schedules = new Schedules(db, clock, logger);
    this.heartbeats = new JobHeartbeats(db, bossSchema, settings.heartbeats, logger);
  }

  async init(jobs: readonly RunnableJob[]): Promise<void> {
    if (!this.started) {
      await this.boss.start();
      this.started = true;
    }
    await this.db.transaction().execute(async (trx) => {
      // Nodes start together: one creates the table while the others wait for it.
      await sql`select pg_advisory_xact_lock(hashtext('openassure_schedules'))`.execute(trx);
      await createSchedulesTable.execute(trx);
      await createHeartbeatsTable.execute(trx);
    });
    for (const job of jobs) {
      const options = {
        name: job.name,
        // `short`: a singleton key is unique among jobs waiting for their first run. Unkeyed jobs must
        // stay `standard`, since `short` would treat all of them as sharing one empty key.
        policy: job.keyed ? ('short' as const) : ('standard' as const),
        retryLimit: job.policy.maxAttempts - 1,
        retryDelay: job.policy.backoffSeconds,
        retryBackoff: true,
        expireInSeconds: job.policy.timeoutSeconds,
      };
      if (await this.boss.getQueue(job.name)) await this.boss.updateQueue(job.name, options);
      else await this.boss.createQueue(job.name, options);
    }
  }

  async enqueue<P extends object>(
    job: JobHandle<P>,
    payload: NoInfer<P>,
    options: EnqueueOptions = {},
  ): Promise<string | undefined> {
    assertPayload(job, payload);
    return this.send(job.name, payload, job.singletonKey?.(payload), options.tx?.db, options.delayMs);
  }

  async startWorker(jobs: readonly RunnableJob[], options: WorkerOptions): Promise<void> {
    this.heartbeats.start(jobs.map((job) => job.name));
    for (const job of jobs) {
      for (let slot = 0; slot < options.concurrency; slot++) {
        let workerId = '';
        workerId = await this.boss.work<object>(
          job.name,
          { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
          async ([found]) => {
            if (!found) return;
            try {
              await this.runOne(job, found);
            } finally {
              // pg-boss waits a whole polling interval after every fetch, even a busy one; with work
              // found, look for the next job at once instead (it still waits when the queue is empty).
              this.boss.notifyWorker(workerId);
            }
          },
        );
      }
    }
  }

  async schedule(job: JobHandle<NoPayload>, everySeconds: number): Promise<void> {
    const payload: NoPayload = {};
    assertPayload(job, payload);
    // Earlier versions scheduled with pg-boss's cron; such a schedule would keep sending alongside ours.
    await this.boss.unschedule(job.name);
    await this.schedules.add(job.name, everySeconds * 1000, (db) =>
      this.send(job.name, payload, undefined, db, undefined),
    );
  }

  async stats(): Promise<QueueStat[]> {
    // pg-boss's own table, read with our pool: one grouped scan of the unfinished jobs (indexed by state).
    const { rows } = await sql<{ name: string; waiting: number; active: number; oldest: number | null }>`
      select name,
        count(*) filter (where state in ('created', 'retry'))::int as waiting,
        count(*) filter (where state = 'active')::int as active,
        extract(epoch from now() - min(created_on) filter (where state in ('created', 'retry')
          and start_after <= now()))::float8 as oldest
      from ${sql.raw(bossSchema)}.job where state in ('created', 'retry', 'active') group by name`.execute(this.db);
    return rows.map((row) => ({
      name: row.name,
      waiting: Number(row.waiting),
      active: Number(row.active),
      oldestDueSeconds: row.oldest === null ? 0 : Math.max(0, Number(row.oldest)),
    }));
  }

  onSettled(listener: (job: SettledJob) => void): () => void {
    return this.settled.add(listener);
  }

  async stop(): Promise<void> {
    await this.schedules.stop();
    await this.heartbeats.stop();
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }

  private async send(
    name: string,
    payload: object,
    singletonKey: string | undefined,
    db: Kysely<Database> | undefined,
    delayMs: number | undefined,
  ): Promise<string | undefined> {
    const id = await this.boss.send(name, payload, {
      ...(db && { db: transactionDb(db) }),
      ...(delayMs !== undefined && delayMs > 0 && { startAfter: Math.ceil(delayMs / 1000) }),
      ...(singletonKey !== undefined && { singletonKey }),
    });
    return id ?? undefined;
  }

  /**
   * Runs one attempt and records its end itself (pg-boss's own record after the callback then finds the
   * job settled and changes nothing), so that settled listeners hear of it only once it is recorded.
   */
  private async runOne(job: RunnableJob, found: PgBoss.JobWithMetadata<object>): Promise<void> {
    const attempt = found.retryCount + 1;
    const logger = this.logger.child({ job: job.name, jobId: found.id, attempt });
    // Elapsed time on this machine, not the time of day: a monotonic timer, not the clock.
    const startedAt = performance.now();
    const context = { jobId: found.id, attempt, lastAttempt: found.retryCount >= found.retryLimit, logger };
    await this.heartbeats.track(found.id, job.name);
    let result: RunResult;
    try {
      result = await job.run(found.data, context);
    } finally {
      // The job's record below settles it; a stale heartbeat row would only be noise for the reclaimer.
      await this.heartbeats.untrack(found.id).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not clear a job heartbeat');
      });
    }
    if (performance.now() - startedAt > Number(found.expireInSeconds) * 1000 * lateShare) {
      logger.warn('the job ran past its timeout; pg-boss runs it again');
      return;
    }
    try {
      await this.record(job.name, found.id, result);
      this.settled.emit({ id: found.id, name: job.name, attempt, outcome: result.outcome });
    } catch (error) {
      logger.error({ err: error }, 'could not record how a job ended; it runs again when it expires');
    }
  }

  private async record(name: string, id: string, result: RunResult): Promise<void> {
    switch (result.outcome) {
      case 'completed':
        return this.boss.complete(name, id);
      case 'retrying':
      case 'failed':
        // pg-boss retries or gives up by the same count our `lastAttempt` read.
        return this.boss.fail(name, id, { message: errorMessage(result.error) });
      case 'invalid':
        // Dead-lettered: failed at once, whatever retries remain (pg-boss's own fail would retry it).
        await this.boss.getDb().executeSql(
          `update ${bossSchema}.job set state = 'failed', completed_on = now(), output = $3::jsonb
             where name = $1 and id = $2 and state = 'active'`,
          [name, id, JSON.stringify({ message: `Invalid payload: ${result.problems.join('; ')}` })],
        );
    }
  }
}

function errorMessage(error: unknown): string {
  return String(error instanceof Error ? error.message : error).slice(0, 2000);
}

/** pg-boss runs its insert through this, on the connection of our Kysely transaction. */
function transactionDb(db: Kysely<Database>): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}
