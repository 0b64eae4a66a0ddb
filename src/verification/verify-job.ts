import { deleteBlobsQuietly, type BlobStore } from '../blobs/blob-store.js';
import type { Clock } from '../core/time.js';
import type { JobHandlers } from '../jobs/run-job.js';
import type { Logger } from '../logging/logger.js';
import { providerOf } from '../providers/registry.js';
import type { StoredImage } from '../store/repositories/images.js';
import type { Repositories, Store } from '../store/store.js';
import {
  prepareProcessRedaction,
  wantsRedaction,
  withRedactionResult,
  type PreparedRedaction,
  type ProcessRedactionDeps,
} from '../redaction/process-redaction.js';
import type { BackendResult, ProducedMedia, VerificationBackend } from './backend.js';
import { failProcessing } from './fail-processing.js';
import { processingFailReason } from '../providers/processing-failures.js';
import type { ClientEnvironment, Outcome, ProcessRecord, StatusChanges } from '../core/domain.js';

export interface VerifyJobDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  statusChanges: StatusChanges<Repositories>;
  backends: Record<ClientEnvironment, VerificationBackend>;
  /** Redaction requested at process creation runs after the result (see docs/redaction.md). */
  redaction?: ProcessRedactionDeps;
}

/**
 * Takes a processing process to its final status: asks the backend of the client's environment for the
 * provider's raw result, maps it with the provider's mapResult, and stores raw result, outcome, media
 * and the status change in one transaction. Running it again is harmless: a process that is no longer
 * processing is left alone, and the status change is a compare-and-set. When every attempt failed, the
 * process fails (with a failReason naming the traceId of the logged error) instead of staying processing.
 */
export function verifyHandlers(deps: VerifyJobDeps): JobHandlers<{ processId: string }> {
  return {
    async run({ processId }, { logger }) {
      const process = await deps.store.repos.processes.findById(processId);
      if (!process || process.status !== 'processing') return;
      const client = await deps.store.repos.clients.find(process.clientId);
      if (!client) return;
      const definition = providerOf(process.provider);
      const result = await deps.backends[client.environment].produce({ process, definition });
      const outcome = outcomeOf(result, definition.mapResult, process, deps.clock.today());
      await finish(deps, process, outcome, result, logger);
    },
    async gaveUp({ processId }, { traceId }, { logger }) {
      const failed = await failProcessing(deps, processId, deps.clock.now(), (process) =>
        processingFailReason(providerOf(process.provider), { kind: 'verificationFailed' }, traceId),
      );
      if (failed) logger.warn({ processId, traceId }, 'the verification was given up; the process failed');
    },
  };
}

function outcomeOf(
  result: BackendResult,
  mapResult: (raw: unknown, context: { processType: string | null; today: string }) => Outcome,
  process: ProcessRecord,
  day: string,
): Outcome {
  if ('outcome' in result) return result.outcome;
  return mapResult(result.raw, { processType: process.processType, today: day });
}

async function finish(
  deps: VerifyJobDeps,
  process: ProcessRecord,
  mapped: Outcome,
  result: BackendResult,
  logger: Logger,
): Promise<void> {
  const { store, blobs, clock } = deps;
  const written: string[] = [];
  try {
    const rawResultKey = 'raw' in result ? await blobs.put(Buffer.from(JSON.stringify(result.raw))) : undefined;
    if (rawResultKey) written.push(rawResultKey);
    const engineOutputKey =
      result.engineOutput !== undefined ? await blobs.put(Buffer.from(JSON.stringify(result.engineOutput))) : undefined;
    if (engineOutputKey) written.push(engineOutputKey);
    const media = 'media' in result && result.media ? await storeMedia(blobs, result.media, clock.now(), written) : [];
    const redaction = await redactionOf(deps, process, media, written);
    const outcome = redaction
      ? { ...mapped, providerSpecific: withRedactionResult(mapped.providerSpecific, redaction.result) }
      : mapped;
    const now = clock.now();
    const replaced = await store.transaction(async (tx) => {
      const current = await tx.processes.findById(process.id);
      if (!current || current.status !== 'processing') return undefined;
      // Images the client uploaded stay; the provider's media only fill in what is missing.
      const owner = { kind: 'process' as const, id: process.id, clientId: process.clientId };
      const existing = new Set((await tx.images.list(owner)).map((image) => image.depiction));
      const added = media.filter((image) => !existing.has(image.depiction));
      const unused = media.filter((image) => existing.has(image.depiction)).map((image) => image.blobKey);
      await tx.images.put(owner, added);
      if (redaction) unused.push(...(await redaction.apply(tx)));
      await deps.statusChanges.change(tx, current, outcome.status, now, {
        outcome: {
          ...(outcome.providerSpecific !== undefined && { providerSpecific: outcome.providerSpecific }),
          ...(outcome.finalResult !== undefined && { finalResult: outcome.finalResult }),
          ...(outcome.statusReasons !== undefined && { statusReasons: outcome.statusReasons }),
        },
        ...(outcome.failReason !== undefined && { failReason: outcome.failReason }),
        ...(rawResultKey !== undefined && { rawResultKey }),
        ...(engineOutputKey !== undefined && { engineOutputKey }),
      });
      return unused;
    });
    if (replaced === undefined) {
      // Someone else finished it first (a concurrent run of this job, or a timeout): nothing of ours is kept.
      await deleteBlobsQuietly(blobs, written, () => undefined);
      return;
    }
    await deleteBlobsQuietly(blobs, replaced, (key, error) =>
      logger.warn({ err: error, blobKey: key }, 'could not delete an unused media blob'),
    );
    logger.info({ processId: process.id, status: outcome.status }, 'verification finished');
  } catch (error) {
    await deleteBlobsQuietly(blobs, written, (key, cleanupError) =>
      logger.error({ err: cleanupError, blobKey: key }, 'could not clean up after a failed verification'),
    );
    throw error;
  }
}

/** Redacts the front and back the process will keep: its uploads, or else the provider's media. */
async function redactionOf(
  deps: VerifyJobDeps,
  process: ProcessRecord,
  media: readonly StoredImage[],
  written: string[],
): Promise<PreparedRedaction | undefined> {
  if (!deps.redaction || !wantsRedaction(process)) return undefined;
  const owner = { kind: 'process' as const, id: process.id, clientId: process.clientId };
  const uploaded = await deps.store.repos.images.list(owner);
  const kept = [...uploaded, ...media.filter((m) => !uploaded.some((u) => u.depiction === m.depiction))];
  return prepareProcessRedaction(deps.redaction, process, owner, kept, written);
}

async function storeMedia(
  blobs: BlobStore,
  media: ProducedMedia,
  now: number,
  written: string[],
): Promise<StoredImage[]> {
  const stored: StoredImage[] = [];
  const items = [
    ...media.images,
    ...(media.video
      ? [{ depiction: 'video' as const, bytes: media.video.bytes, contentType: media.video.contentType }]
      : []),
  ];
  for (const item of items) {
    const blobKey = await blobs.put(item.bytes);
    written.push(blobKey);
    stored.push({
      depiction: item.depiction,
      blobKey,
      contentType: item.contentType,
      size: item.bytes.length,
      createdAt: now,
    });
  }
  return stored;
}
