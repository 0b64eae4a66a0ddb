import type { Json, ProcessRecord, StatusChanges } from '../core/domain.js';
import type { Repositories, Store } from '../store/store.js';
import { movedOnMeanwhile } from './moved-on.js';

export interface FailProcessingDeps {
  store: Store;
  statusChanges: StatusChanges<Repositories>;
}

/**
 * Fails a process that is still processing, through the status change (so its notifications go out
 * as for any other). Undefined when the process has moved on meanwhile (a verification finished it).
 */
export async function failProcessing(
  deps: FailProcessingDeps,
  processId: string,
  now: number,
  failReason: (process: ProcessRecord) => Json,
): Promise<ProcessRecord | undefined> {
  return movedOnMeanwhile(
    deps.store.transaction(async (tx) => {
      const current = await tx.processes.findById(processId);
      if (!current || current.status !== 'processing') return undefined;
      return deps.statusChanges.change(tx, current, 'failed', now, { failReason: failReason(current) });
    }),
  );
}
