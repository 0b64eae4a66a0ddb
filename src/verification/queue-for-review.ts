import { deleteBlobsQuietly, type BlobStore } from '../blobs/blob-store.js';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { ProviderDefinition } from '../providers/types.js';
import type { Store } from '../store/store.js';
import type { BackendResult } from './backend.js';
import type { ClientEnvironment, Outcome, ProcessRecord } from '../core/domain.js';

export interface ReviewQueueDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
}

/**
 * Whether a verification's result waits for a person instead of finishing: live results the provider's
 * upstream agent would decide (its review rule), and inconclusive live results of a provider the client
 * asked to review (client_settings.review_inconclusive). Sandbox clients keep their scenarios' outcomes.
 */
export async function waitsForReview(
  deps: ReviewQueueDeps,
  environment: ClientEnvironment,
  process: ProcessRecord,
  definition: ProviderDefinition,
  result: BackendResult,
  outcome: Outcome,
): Promise<boolean> {
  if (environment !== 'live' || !('raw' in result)) return false;
  if (definition.review?.awaitsReviewer(result.raw, process.processType)) return true;
  if (outcome.status !== 'inconclusive') return false;
  const settings = await deps.store.repos.clientSettings.find(process.clientId);
  return settings.reviewInconclusive.includes(definition.name);
}

/**
 * Puts a processing process in the review queue: it stays processing, with the raw result and the engine
 * output kept beside it (for the reviewer, and for the decision to build on), in one transaction. A
 * process already queued (this job ran twice) or no longer processing is left as it is.
 */
export async function queueForReview(
  deps: ReviewQueueDeps,
  process: ProcessRecord,
  result: BackendResult & { raw: unknown },
  logger: Logger,
): Promise<void> {
  const { store, blobs, clock } = deps;
  const written: string[] = [];
  try {
    const owner = { dossierId: process.dossierId };
    const rawResultKey = await blobs.put(Buffer.from(JSON.stringify(result.raw)), owner);
    written.push(rawResultKey);
    const engineOutputKey =
      result.engineOutput !== undefined
        ? await blobs.put(Buffer.from(JSON.stringify(result.engineOutput)), owner)
        : null;
    if (engineOutputKey !== null) written.push(engineOutputKey);
    const now = clock.now();
    const queued = await store.transaction(async (tx) => {
      if (await tx.reviews.find(process.id)) return false;
      const kept = await tx.processes.keepResultWhileProcessing(process.id, rawResultKey, engineOutputKey, now);
      if (!kept) return false;
      await tx.reviews.enqueue({
        processId: process.id,
        clientId: process.clientId,
        provider: process.provider,
        queuedAt: now,
      });
      return true;
    });
    if (!queued) {
      await deleteBlobsQuietly(blobs, written, () => undefined);
      return;
    }
    logger.info({ processId: process.id, provider: process.provider }, 'verification waits for a reviewer');
  } catch (error) {
    await deleteBlobsQuietly(blobs, written, (key, cleanupError) =>
      logger.error({ err: cleanupError, blobKey: key }, 'could not clean up after a failed verification'),
    );
    throw error;
  }
}
