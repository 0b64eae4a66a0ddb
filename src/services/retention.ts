import { deleteBlobsQuietly, type BlobStore } from '../blobs/blob-store.js';
import type { Clock } from '../core/time.js';
import type { JobHandlers } from '../jobs/run-job.js';
import type { NoPayload } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { deleteDossierRows } from './dossier-deletion.js';

export interface RetentionDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  /** OPENASSURE_RETENTION_DAYS; 0 keeps dossiers of clients without their own setting forever. */
  defaultDays: number;
}

/** What one sweep deleted, per client: ids and counts, never anything about the people. */
export interface RetentionSweep {
  clientId: string;
  days: number;
  dossiers: number;
  processes: number;
  blobs: number;
}

const dayMs = 86_400_000;
const batch = 200;

/**
 * Deletes the dossiers whose retention ran out: every process final and the dossier unchanged for the
 * client's number of days (its own setting, or the server's). Run by the `apply-retention` job, which
 * the scheduler starts once per period across all workers.
 */
async function applyRetention(deps: RetentionDeps, logger: Logger): Promise<RetentionSweep[]> {
  const now = deps.clock.now();
  const sweeps: RetentionSweep[] = [];
  for (const client of await deps.store.repos.clients.list()) {
    const days = client.retentionDays ?? deps.defaultDays;
    if (days <= 0) continue;
    const sweep = await sweepClient(deps, logger, client.id, days, now - days * dayMs);
    if (sweep.dossiers > 0) {
      logger.info({ ...sweep }, 'retention deleted dossiers');
      sweeps.push(sweep);
    }
  }
  return sweeps;
}

async function sweepClient(
  deps: RetentionDeps,
  logger: Logger,
  clientId: string,
  days: number,
  before: number,
): Promise<RetentionSweep> {
  const sweep: RetentionSweep = { clientId, days, dossiers: 0, processes: 0, blobs: 0 };
  for (;;) {
    const due = await deps.store.repos.dossiers.listRetired(clientId, before, batch);
    let deleted = 0;
    for (const dossierId of due) {
      const done = await deps.store.transaction(async (tx) => {
        // Checked again inside the transaction: a process may have been added since the list was read.
        if (!(await tx.dossiers.listRetired(clientId, before, 1, dossierId)).includes(dossierId)) return undefined;
        const processes = (await tx.processes.listByDossier(dossierId)).length;
        return { processes, keys: await deleteDossierRows(tx, clientId, dossierId) };
      });
      if (!done) continue;
      deleted++;
      sweep.dossiers++;
      sweep.processes += done.processes;
      sweep.blobs += done.keys.length;
      await deleteBlobsQuietly(deps.blobs, done.keys, (blobKey, error) =>
        logger.error({ err: error, blobKey }, 'could not delete the blob of a dossier retention deleted'),
      );
    }
    // A short batch was the last; a batch where nothing could be deleted would only repeat itself.
    if (due.length < batch || deleted === 0) return sweep;
  }
}

/** The `apply-retention` job's handlers. */
export function retentionHandlers(deps: RetentionDeps): JobHandlers<NoPayload> {
  return {
    async run(_payload, { logger }) {
      await applyRetention(deps, logger);
    },
  };
}
