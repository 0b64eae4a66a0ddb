import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';
import { retryDelayMs, type EnqueueOptions, type JobDefinition, type JobQueue, type WorkerOptions } from './types.js';

interface JobRow {
  id: string;
  name: string;
  payload: string;
  attempts: number;
}

const idlePollMs = 250;

/**
 * Jobs in a table of the SQLite database. A worker claims a job by leasing it (status active,
 * lease_until); a job whose lease ran out (its worker died) is claimed again. Claims are atomic because
 * SQLite runs one write transaction at a time, across processes too.
 */
export class SqliteJobQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  private readonly workerId = randomUUID();
  private running = new Set<Promise<void>>();
  private stopped = true;
  private wake: (() => void) | undefined;
  private loops: Promise<void>[] = [];
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async init(): Promise<void> {
    // The queue owns its table, like pg-boss owns its schema on PostgreSQL.
    await sql`create table if not exists openassure_jobs (
      id text primary key, name text not null, payload text not null, status text not null,
      attempts integer not null, run_at bigint not null, lease_until bigint, locked_by text,
      singleton_key text, last_error text, created_at bigint not null, updated_at bigint not null)`.execute(this.db);
    await sql`create index if not exists openassure_jobs_ready on openassure_jobs (status, run_at)`.execute(this.db);
    await sql`create unique index if not exists openassure_jobs_singleton on openassure_jobs (singleton_key)
      where singleton_key is not null and status in ('queued', 'active')`.execute(this.db);
  }

  async enqueue(name: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
    const db = options.tx?.db ?? this.db;
    const now = this.clock.now();
    await sql`insert into openassure_jobs (id, name, payload, status, attempts, run_at, singleton_key, created_at, updated_at)
      values (${randomUUID()}, ${name}, ${JSON.stringify(payload)}, 'queued', 0, ${now + (options.delayMs ?? 0)},
              ${options.singletonKey ?? null}, ${now}, ${now})
      on conflict do nothing`.execute(db);
    this.wake?.();
  }

  async startWorker(definitions: readonly JobDefinition[], options: WorkerOptions): Promise<void> {
    const byName = new Map(definitions.map((d) => [d.name, d]));
    this.stopped = false;
    for (let slot = 0; slot < options.concurrency; slot++) this.loops.push(this.loop(byName));
  }

  async schedule(name: string, everySeconds: number): Promise<void> {
    const enqueue = () =>
      this.enqueue(name, {}, { singletonKey: `schedule:${name}` }).catch((error: unknown) =>
        this.logger.error({ err: error, job: name }, 'could not schedule a job'),
      );
    await enqueue();
    const timer = setInterval(() => void enqueue(), everySeconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.stopped = true;
    this.wake?.();
    await Promise.all(this.loops);
    await Promise.all(this.running);
    this.loops = [];
  }

  private async loop(definitions: Map<string, JobDefinition>): Promise<void> {
    while (!this.stopped) {
      let job: JobRow | undefined;
      try {
        job = await this.claim([...definitions.values()]);
      } catch (error) {
        this.logger.error({ err: error }, 'could not claim a job');
      }
      if (!job) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idlePollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        continue;
      }
      const run = this.run(definitions.get(job.name)!, job);
      this.running.add(run);
      await run;
      this.running.delete(run);
    }
  }

  private async claim(definitions: JobDefinition[]): Promise<JobRow | undefined> {
    const now = this.clock.now();
    const names = definitions.map((d) => d.name);
    return this.db.transaction().execute(async (trx) => {
      const candidate = await sql<{ id: string; name: string }>`select id, name from openassure_jobs
        where name in (${sql.join(names)})
          and ((status = 'queued' and run_at <= ${now}) or (status = 'active' and lease_until < ${now}))
        order by run_at limit 1`.execute(trx);
      const found = candidate.rows[0];
      if (!found) return undefined;
      const definition = definitions.find((d) => d.name === found.name)!;
      const claimed = await sql<JobRow>`update openassure_jobs
        set status = 'active', attempts = attempts + 1, lease_until = ${now + definition.timeoutSeconds * 1000},
            locked_by = ${this.workerId}, updated_at = ${now}
        where id = ${found.id}
        returning id, name, payload, attempts`.execute(trx);
      return claimed.rows[0];
    });
  }

  private async run(definition: JobDefinition, job: JobRow): Promise<void> {
    const logger = this.logger.child({ job: definition.name, jobId: job.id, attempt: job.attempts });
    // Renew the lease while the handler runs, so a long job is not taken for a lost one.
    const heartbeat = setInterval(
      () =>
        void this.renew(job.id, definition).catch((error: unknown) =>
          logger.warn({ err: error }, 'lease renewal failed'),
        ),
      (definition.timeoutSeconds * 1000) / 3,
    );
    try {
      await definition.handle(definition.parse(JSON.parse(job.payload)), { attempt: job.attempts, logger });
      await sql`update openassure_jobs set status = 'completed', lease_until = null, updated_at = ${this.clock.now()}
        where id = ${job.id} and locked_by = ${this.workerId}`.execute(this.db);
    } catch (error) {
      const now = this.clock.now();
      const giveUp = job.attempts >= definition.maxAttempts;
      logger[giveUp ? 'error' : 'warn']({ err: error }, giveUp ? 'job failed for good' : 'job failed; will retry');
      await sql`update openassure_jobs
        set status = ${giveUp ? 'failed' : 'queued'}, run_at = ${now + retryDelayMs(definition, job.attempts)},
            lease_until = null, last_error = ${String(error instanceof Error ? error.message : error).slice(0, 2000)},
            updated_at = ${now}
        where id = ${job.id} and locked_by = ${this.workerId}`.execute(this.db);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async renew(id: string, definition: JobDefinition): Promise<void> {
    const now = this.clock.now();
    await sql`update openassure_jobs set lease_until = ${now + definition.timeoutSeconds * 1000}
      where id = ${id} and locked_by = ${this.workerId} and status = 'active'`.execute(this.db);
  }
}
