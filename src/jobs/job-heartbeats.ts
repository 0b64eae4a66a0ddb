import { sql, type Kysely } from 'kysely';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';

/** How often a worker says its jobs are alive, and how long a silence means it died. */
export interface HeartbeatSettings {
  beatSeconds: number;
  /** A job with no beat for this long is taken for a dead worker's; a few beats, so a busy loop is spared. */
  deadAfterSeconds: number;
}

/** The heartbeats' table, created by the pg-boss adapter's init next to the schedules. */
export const createHeartbeatsTable = sql`create table if not exists openassure_job_heartbeats (
  job_id uuid primary key, name text not null, beat_at timestamptz not null)`;

/**
 * Finds the jobs of dead workers long before pg-boss's expiry does. pg-boss only knows a job's timeout
 * (how long one attempt may take, 120 s for a verification), so a killed worker's job used to wait that
 * long. Here every worker stamps the jobs it is running every few seconds, and any worker hands an active
 * job whose stamp went stale back to the queue, to run again at once. A live worker's long job keeps its
 * stamp fresh and is never taken twice. Times are PostgreSQL's `now()`, so the nodes' clocks do not matter.
 */
export class JobHeartbeats {
  private readonly running = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly bossSchema: string,
    private readonly settings: HeartbeatSettings,
    private readonly logger: Logger,
  ) {}

  /** Starts beating for this worker's jobs and looking for the ones of dead workers among `names`. */
  start(names: readonly string[]): void {
    if (this.timer || names.length === 0) return;
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick(names));
    }, this.settings.beatSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
  }

  /** Marks a job as running here; called as soon as the worker holds it. */
  async track(id: string, name: string): Promise<void> {
    this.running.set(id, name);
    await sql`insert into openassure_job_heartbeats (job_id, name, beat_at) values (${id}, ${name}, now())
      on conflict (job_id) do update set beat_at = now()`.execute(this.db);
  }

  async untrack(id: string): Promise<void> {
    this.running.delete(id);
    await sql`delete from openassure_job_heartbeats where job_id = ${id}`.execute(this.db);
  }

  private async tick(names: readonly string[]): Promise<void> {
    try {
      const ids = [...this.running.keys()];
      if (ids.length > 0) {
        await sql`update openassure_job_heartbeats set beat_at = now()
          where job_id in (${sql.join(ids)})`.execute(this.db);
      }
      await this.reclaim(names);
    } catch (error) {
      this.logger.warn({ err: error }, 'job heartbeat failed');
    }
  }

  /**
   * Puts the active jobs with a stale stamp back in the queue: to run again now while attempts remain
   * (a crash is not the job's failure, so no backoff), failed otherwise, as pg-boss's expiry would.
   * A job claimed by a worker that died before its first stamp is judged by when it was claimed.
   */
  private async reclaim(names: readonly string[]): Promise<void> {
    const stale = `${this.settings.deadAfterSeconds} seconds`;
    const reclaimed = await sql<{ id: string; name: string; state: string }>`
      update ${sql.table(`${this.bossSchema}.job`)} as job
        set state = case when job.retry_count < job.retry_limit then 'retry' else 'failed' end::${sql.raw(
          `${this.bossSchema}.job_state`,
        )},
          start_after = now(),
          completed_on = case when job.retry_count < job.retry_limit then null else now() end,
          output = ${JSON.stringify({ message: 'The worker running this job stopped beating (it died).' })}::jsonb
      where job.name in (${sql.join([...names])}) and job.state = 'active'
        and job.id not in (${sql.join(this.runningIdsOrNone())})
        and coalesce(
          (select beat_at from openassure_job_heartbeats where job_id = job.id), job.started_on
        ) < now() - ${stale}::interval
      returning job.id, job.name, job.state`.execute(this.db);
    if (reclaimed.rows.length === 0) return;
    await sql`delete from openassure_job_heartbeats
      where job_id in (${sql.join(reclaimed.rows.map((row) => row.id))})`.execute(this.db);
    for (const row of reclaimed.rows) {
      this.logger.warn(
        { job: row.name, jobId: row.id, state: row.state },
        'took back the job of a worker that stopped beating',
      );
    }
  }

  /** Never reclaims this worker's own jobs, even if a slow beat let their stamp age. */
  private runningIdsOrNone(): string[] {
    const ids = [...this.running.keys()];
    return ids.length > 0 ? ids : ['00000000-0000-0000-0000-000000000000'];
  }
}
