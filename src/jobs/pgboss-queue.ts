import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Logger } from '../logging/logger.js';
import type { Repositories } from '../store/store.js';
import type { EnqueueOptions, JobDefinition, JobQueue, WorkerOptions } from './types.js';

export interface PgBossSettings {
  connectionString: string;
  /** How often pg-boss looks for expired active jobs (jobs of dead workers). */
  maintenanceIntervalSeconds: number;
}

/**
 * Jobs in pg-boss on the same PostgreSQL as the data (schema `pgboss`). Enqueueing inside a transaction
 * uses that transaction's connection, so a job exists exactly when the status change that made it does.
 */
export class PgBossJobQueue implements JobQueue {
  readonly kind = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private started = false;

  constructor(
    settings: PgBossSettings,
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      connectionString: settings.connectionString,
      max: 4,
      maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
      monitorStateIntervalSeconds: 60,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'pg-boss error'));
  }

  async init(definitions: readonly JobDefinition[]): Promise<void> {
    if (!this.started) {
      await this.boss.start();
      this.started = true;
    }
    for (const definition of definitions) {
      const options = {
        retryLimit: definition.maxAttempts - 1,
        retryDelay: definition.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: definition.timeoutSeconds,
      };
      const existing = await this.boss.getQueue(definition.name);
      if (existing) await this.boss.updateQueue(definition.name, { name: definition.name, ...options });
      else await this.boss.createQueue(definition.name, { name: definition.name, ...options });
    }
  }

  async enqueue(name: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
    await this.boss.send(name, payload, {
      ...(options.tx && { db: transactionDb(options.tx) }),
      ...(options.delayMs !== undefined && { startAfter: Math.ceil(options.delayMs / 1000) }),
      ...(options.singletonKey !== undefined && { singletonKey: options.singletonKey }),
    });
  }

  async startWorker(definitions: readonly JobDefinition[], options: WorkerOptions): Promise<void> {
    for (const definition of definitions) {
      for (let slot = 0; slot < options.concurrency; slot++) {
        let workerId = '';
        workerId = await this.boss.work<object>(
          definition.name,
          { pollingIntervalSeconds: 0.5, batchSize: 1, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            const attempt = job.retryCount + 1;
            const logger = this.logger.child({ job: definition.name, jobId: job.id, attempt });
            try {
              await definition.handle(definition.parse(job.data), { attempt, logger });
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

  async schedule(name: string, everySeconds: number): Promise<void> {
    const minutes = Math.max(1, Math.round(everySeconds / 60));
    await this.boss.schedule(name, minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, {});
  }

  async stop(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    this.started = false;
  }
}

/** pg-boss runs its insert through this, on the connection of our Kysely transaction. */
function transactionDb(tx: Repositories): PgBoss.Db {
  return {
    executeSql: async (text, values) => {
      const result = await tx.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values));
      return { rows: [...result.rows] };
    },
  };
}
