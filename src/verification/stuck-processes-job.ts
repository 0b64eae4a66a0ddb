import { newTraceId } from '../core/ids.js';
import type { Clock } from '../core/time.js';
import type { JobHandlers } from '../jobs/run-job.js';
import type { NoPayload } from '../jobs/types.js';
import { providerOf } from '../providers/registry.js';
import type { StatusChanges } from '../core/domain.js';
import type { Repositories, Store } from '../store/store.js';
import { failProcessing } from './fail-processing.js';
import { processingFailReason } from '../providers/processing-failures.js';

const batch = 500;

export interface StuckProcessesDeps {
  store: Store;
  clock: Clock;
  statusChanges: StatusChanges<Repositories>;
  /** How long a process may stay in processing (OPENASSURE_PROCESSING_TIMEOUT_MINUTES). */
  processingTimeoutMinutes: number;
}

/**
 * Fails processes left in processing longer than the configured time, whatever kept them there (a
 * verification job lost on its last attempt, a dead-lettered job, an SDK session never completed), so
 * that no process waits for ever and its client hears that it ended. Run every minute by the scheduler.
 */
export function stuckProcessesHandlers(deps: StuckProcessesDeps): JobHandlers<NoPayload> {
  const minutes = deps.processingTimeoutMinutes;
  return {
    async run(_payload, { logger }) {
      const now = deps.clock.now();
      const stuck = await deps.store.repos.processes.listProcessingStartedBefore(now - minutes * 60_000, batch);
      for (const { id } of stuck) {
        const traceId = newTraceId();
        const failed = await failProcessing(deps, id, now, (process) =>
          processingFailReason(providerOf(process.provider), { kind: 'processingTimeout', minutes }, traceId),
        );
        if (failed) {
          logger.warn(
            { processId: id, provider: failed.provider, traceId, minutes },
            'a process stayed in processing too long and failed',
          );
        }
      }
    },
  };
}
