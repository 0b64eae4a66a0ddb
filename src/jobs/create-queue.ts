import type { Config } from '../config/config.js';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { PgBossJobQueue } from './pgboss-queue.js';
import { SqliteJobQueue } from './sqlite-queue.js';
import type { JobQueue } from './types.js';

/** The queue that goes with the store: a job table in SQLite, pg-boss on PostgreSQL. */
export function createJobQueue(config: Config, store: Store, clock: Clock, logger: Logger): JobQueue {
  if (config.store.kind === 'postgres') {
    return new PgBossJobQueue(
      {
        connectionString: config.store.url,
        maintenanceIntervalSeconds: config.jobs.maintenanceIntervalSeconds,
        heartbeats: {
          beatSeconds: config.jobs.heartbeatSeconds,
          deadAfterSeconds: config.jobs.heartbeatSeconds * 3,
        },
      },
      store.db,
      clock,
      logger,
    );
  }
  return new SqliteJobQueue(store.db, clock, logger);
}
