import type { Clock } from '../core/time.js';
import type { JobHandlers } from '../jobs/run-job.js';
import type { NoPayload } from '../jobs/types.js';
import { providerOf, providers } from '../providers/registry.js';
import type { Repositories, Store } from '../store/store.js';
import type { ProcessRecord, StatusChanges } from '../core/domain.js';
import { movedOnMeanwhile } from './moved-on.js';

const batch = 500;

export interface ExpiryJobDeps {
  store: Store;
  clock: Clock;
  statusChanges: StatusChanges<Repositories>;
  pendingExpiryMinutes: number;
}

/** Fails pending processes that ran out of time (run every minute by the scheduler, on one node). */
export function expiryHandlers(deps: ExpiryJobDeps): JobHandlers<NoPayload> {
  return {
    async run(_payload, { logger }) {
      const now = deps.clock.now();
      const expired: ProcessRecord[] = [];
      for (const definition of providers) {
        const minutes = definition.expiry.afterFirstImageMinutes;
        if (minutes !== undefined) {
          expired.push(
            ...(await deps.store.repos.processes.listPendingByFirstImage(
              definition.name,
              now - minutes * 60_000,
              batch,
            )),
          );
        }
      }
      expired.push(...(await deps.store.repos.processes.listPending(now - deps.pendingExpiryMinutes * 60_000, batch)));
      let count = 0;
      for (const process of expired) {
        const rule = providerOf(process.provider).expiry;
        const changed = await movedOnMeanwhile(
          deps.store.transaction(async (tx) => {
            const current = await tx.processes.findById(process.id);
            if (!current || current.status !== 'pending') return false;
            await deps.statusChanges.change(tx, current, 'failed', now, { failReason: rule.failReason });
            return true;
          }),
        );
        if (changed) count++;
      }
      if (count > 0) logger.info({ count }, 'expired pending processes');
    },
  };
}
