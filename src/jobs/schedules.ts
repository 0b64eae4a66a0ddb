import { sql, type Kysely } from 'kysely';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../store/schema.js';

/** Enqueues one run of a scheduled job on the given connection (the schedule's transaction). */
export type EnqueueRun = (db: Kysely<Database>) => Promise<unknown>;

/** The schedules' table; each adapter creates it in its init, in its own database. */
export const createSchedulesTable = sql`create table if not exists openassure_schedules (
  name text primary key, every_ms bigint not null, next_run_at bigint not null)`;

/**
 * Periodic jobs, run once per period however many workers there are: a row per scheduled job holds
 * when it is next due, and the worker whose compare-and-set moves that time on enqueues the run in the
 * same transaction. Every worker checks a few times per period; times are the queue's clock.
 */
export class Schedules {
  private timers: NodeJS.Timeout[] = [];
  private readonly ticking = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async add(name: string, everyMs: number, enqueue: EnqueueRun): Promise<void> {
    // A new schedule is due at once; an existing one keeps its due time, and takes the new period.
    await sql`insert into openassure_schedules (name, every_ms, next_run_at)
      values (${name}, ${everyMs}, ${this.clock.now()})
      on conflict (name) do update set every_ms = excluded.every_ms`.execute(this.db);
    const check = () => {
      const run = this.runIfDue(name, everyMs, enqueue).finally(() => this.ticking.delete(run));
      this.ticking.add(run);
    };
    check();
    const timer = setInterval(check, Math.min(15_000, Math.max(250, everyMs / 4)));
    timer.unref();
    this.timers.push(timer);
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    await Promise.all(this.ticking);
  }

  private async runIfDue(name: string, everyMs: number, enqueue: EnqueueRun): Promise<void> {
    try {
      const now = this.clock.now();
      await this.db.transaction().execute(async (trx) => {
        const due = await sql`update openassure_schedules set next_run_at = ${now + everyMs}
          where name = ${name} and next_run_at <= ${now} returning name`.execute(trx);
        if (due.rows.length === 1) await enqueue(trx);
      });
    } catch (error) {
      this.logger.error({ err: error, job: name }, 'could not run a schedule');
    }
  }
}
