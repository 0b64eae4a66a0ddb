import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';
import { assertPayload, retryDelayMs, type JobHandle, type RunnableJob } from './define-job.js';
import type { RunResult } from './run-job.js';
import { createSchedulesTable, Schedules } from './schedules.js';
import { SettledListeners } from './settled.js';
import type { EnqueueOptions, JobQueue, NoPayload, QueueStat, SettledJob, WorkerOptions } from './types.js';

interface ClaimedRow {
  id: string;
  name: string;
  payload: string;
  attempts: number;
  /** This claim's lease token: only its holder may record how the attempt ended. */
  lease: string;
}

const idlePollMs = 250;

/**
 * Jobs in a table of the SQLite database. A worker claims a job by leasing it (status active,
 * lease_until, a lease token), renews the lease while the job runs, and a job whose lease ran out (its
 * worker died) is claimed again. Claims are atomic because SQLite runs one write transaction at a time,
 * across processes too.
 */
export class SqliteJobQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  private readonly settled: SettledListeners;
  private readonly schedules: Schedules;
  private stopped = true;
  private readonly sleepers = new Set<() => void>();
  private loops: Promise<void>[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.settled = new SettledListeners(logger);
    this.schedules = new Schedules(db, clock, logger);
  }

  async init(): Promise<void> {
    // The queue owns its tables, like pg-boss owns its schema on PostgreSQL.
    await sql`create table if not exists openassure_jobs (
      id text primary key, name text not null, payload text not null, status text not null,
      attempts integer not null, run_at bigint not null, lease_until bigint, locked_by text,
      singleton_key text, last_error text, created_at bigint not null, updated_at bigint not null)`.execute(this.db);
    await sql`create index if not exists openassure_jobs_ready on openassure_jobs (status, run_at)`.execute(this.db);
    // A key is unique among jobs waiting for their first run (the same rule as pg-boss's `short` policy).
    await sql`drop index if exists openassure_jobs_singleton`.execute(this.db);
    await sql`create unique index if not exists openassure_jobs_waiting_key on openassure_jobs (name, singleton_key)
      where singleton_key is not null and status = 'queued' and attempts = 0`.execute(this.db);
    await createSchedulesTable.execute(this.db);
  }

  async enqueue<P extends object>(
    job: JobHandle<P>,
    payload: NoInfer<P>,
    options: EnqueueOptions = {},
  ): Promise<string | undefined> {
    assertPayload(job, payload);
    const id = await this.insert(options.tx?.db ?? this.db, job.name, payload, job.singletonKey?.(payload), options);
    this.wakeAll();
    return id;
  }

  async startWorker(jobs: readonly RunnableJob[], options: WorkerOptions): Promise<void> {
    const byName = new Map(jobs.map((job) => [job.name, job]));
    this.stopped = false;
    for (let slot = 0; slot < options.concurrency; slot++) this.loops.push(this.loop(byName));
  }

  async schedule(job: JobHandle<NoPayload>, everySeconds: number): Promise<void> {
    const payload: NoPayload = {};
    assertPayload(job, payload);
    await this.schedules.add(job.name, everySeconds * 1000, (db) => this.insert(db, job.name, payload, undefined, {}));
  }

  async stats(): Promise<QueueStat[]> {
    const now = this.clock.now();
    const { rows } = await sql<{ name: string; waiting: number; active: number; oldest: number | null }>`
      select name,
        sum(case when status = 'queued' then 1 else 0 end) as waiting,
        sum(case when status = 'active' then 1 else 0 end) as active,
        min(case when status = 'queued' and run_at <= ${now} then created_at end) as oldest
      from openassure_jobs where status in ('queued', 'active') group by name`.execute(this.db);
    return rows.map((row) => ({
      name: row.name,
      waiting: Number(row.waiting),
      active: Number(row.active),
      oldestDueSeconds: row.oldest === null ? 0 : Math.max(0, (now - Number(row.oldest)) / 1000),
    }));
  }

  onSettled(listener: (job: SettledJob) => void): () => void {
    return this.settled.add(listener);
  }

  async stop(): Promise<void> {
    await this.schedules.stop();
    this.stopped = true;
    this.wakeAll();
    await Promise.all(this.loops);
    this.loops = [];
  }

  private async insert(
    db: Kysely<Database>,
    name: string,
    payload: unknown,
    singletonKey: string | undefined,
    options: EnqueueOptions,
  ): Promise<string | undefined> {
    const now = this.clock.now();
    const inserted = await sql<{ id: string }>`insert into openassure_jobs
        (id, name, payload, status, attempts, run_at, singleton_key, created_at, updated_at)
      values (${randomUUID()}, ${name}, ${JSON.stringify(payload)}, 'queued', 0, ${now + (options.delayMs ?? 0)},
              ${singletonKey ?? null}, ${now}, ${now})
      on conflict do nothing
      returning id`.execute(db);
    return inserted.rows[0]?.id;
  }

  private wakeAll(): void {
    for (const wake of this.sleepers) wake();
  }

  private async loop(jobs: Map<string, RunnableJob>): Promise<void> {
    while (!this.stopped) {
      let claimed: ClaimedRow | undefined;
      try {
        claimed = await this.claim(jobs);
      } catch (error) {
        this.logger.error({ err: error }, 'could not claim a job');
      }
      if (claimed) await this.run(jobs.get(claimed.name)!, claimed);
      else await this.sleep();
    }
  }

  private sleep(): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, idlePollMs);
      this.sleepers.add(wake);
    });
  }

  private async claim(jobs: Map<string, RunnableJob>): Promise<ClaimedRow | undefined> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      for (;;) {
        const candidate = await sql<{ id: string; name: string; status: string; attempts: number }>`
          select id, name, status, attempts from openassure_jobs
          where name in (${sql.join([...jobs.keys()])})
            and ((status = 'queued' and run_at <= ${now}) or (status = 'active' and lease_until < ${now}))
          order by run_at limit 1`.execute(trx);
        const found = candidate.rows[0];
        if (!found) return undefined;
        const job = jobs.get(found.name)!;
        if (found.status === 'active' && found.attempts >= job.policy.maxAttempts) {
          // Its worker died during the last attempt: given up, like pg-boss does with an expired last try.
          await sql`update openassure_jobs set status = 'failed', lease_until = null, updated_at = ${now},
              last_error = 'The lease ran out during the last attempt (the worker stopped).'
            where id = ${found.id}`.execute(trx);
          continue;
        }
        const lease = randomUUID();
        const claimed = await sql<ClaimedRow>`update openassure_jobs
          set status = 'active', attempts = attempts + 1, lease_until = ${now + job.policy.timeoutSeconds * 1000},
              locked_by = ${lease}, updated_at = ${now}
          where id = ${found.id}
          returning id, name, payload, attempts, locked_by as lease`.execute(trx);
        return claimed.rows[0];
      }
    });
  }

  private async run(job: RunnableJob, row: ClaimedRow): Promise<void> {
    const logger = this.logger.child({ job: job.name, jobId: row.id, attempt: row.attempts });
    // Renew the lease while the job runs, so a long job is not taken for a lost one.
    const heartbeat = setInterval(
      () => void this.renew(row, job).catch((error: unknown) => logger.warn({ err: error }, 'lease renewal failed')),
      (job.policy.timeoutSeconds * 1000) / 3,
    );
    let result: RunResult;
    try {
      const context = { jobId: row.id, attempt: row.attempts, lastAttempt: row.attempts >= job.policy.maxAttempts };
      result = await job.run(parsePayload(row.payload), { ...context, logger });
    } finally {
      clearInterval(heartbeat);
    }
    try {
      if (await this.record(job, row, result)) {
        this.settled.emit({ id: row.id, name: job.name, attempt: row.attempts, outcome: result.outcome });
      } else {
        logger.warn('the job lost its lease while running; another worker runs it again');
      }
    } catch (error) {
      logger.error({ err: error }, 'could not record how a job ended; it runs again when its lease runs out');
    }
  }

  /** Records the attempt's end; false when the lease was lost (another worker took the job). */
  private async record(job: RunnableJob, row: ClaimedRow, result: RunResult): Promise<boolean> {
    const now = this.clock.now();
    const status = result.outcome === 'completed' ? 'completed' : result.outcome === 'retrying' ? 'queued' : 'failed';
    const runAt = result.outcome === 'retrying' ? now + retryDelayMs(job.policy, row.attempts) : null;
    const updated = await sql`update openassure_jobs
      set status = ${status}, run_at = coalesce(${runAt}, run_at), lease_until = null, locked_by = null,
          last_error = ${lastError(result)}, updated_at = ${now}
      where id = ${row.id} and locked_by = ${row.lease}`.execute(this.db);
    return Number(updated.numAffectedRows ?? 0) === 1;
  }

  private async renew(row: ClaimedRow, job: RunnableJob): Promise<void> {
    const now = this.clock.now();
    await sql`update openassure_jobs set lease_until = ${now + job.policy.timeoutSeconds * 1000}
      where id = ${row.id} and locked_by = ${row.lease} and status = 'active'`.execute(this.db);
  }
}

/** A payload that is not JSON is not the job's either: the job dead-letters it like any other. */
function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function lastError(result: RunResult): string | null {
  switch (result.outcome) {
    case 'completed':
      return null;
    case 'invalid':
      return `Invalid payload: ${result.problems.join('; ')}`.slice(0, 2000);
    case 'retrying':
    case 'failed':
      return String(result.error instanceof Error ? result.error.message : result.error).slice(0, 2000);
  }
}
