import { deleteBlobsQuietly, type BlobStore } from '../blobs/blob-store.js';
import type { BlobOwner } from '../blobs/dossier-keyring.js';
import type { Clock } from '../core/time.js';
import type { Logger } from '../logging/logger.js';
import type { StoredImage } from '../store/repositories/images.js';
import type { Repositories, Store } from '../store/store.js';
import {
  prepareProcessRedaction,
  wantsRedaction,
  withRedactionResult,
  type PreparedRedaction,
  type ProcessRedactionDeps,
} from '../redaction/process-redaction.js';
import type { BackendResult, ProducedMedia } from './backend.js';
import type { Outcome, ProcessRecord, StatusChanges } from '../core/domain.js';

export interface FinishDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  statusChanges: StatusChanges<Repositories>;
  /** Redaction requested at process creation runs after the result (see docs/redaction.md). */
  redaction?: ProcessRedactionDeps;
}

/**
 * Takes a processing process to the outcome's final status: stores the raw result, the engine output and
 * the media (blobs first, deleted again on failure), and in one transaction the images, the redaction and
 * the status change (which plans the notifications). `alsoInTransaction` joins that transaction (a review
 * decision records itself there). Returns false when the process had moved on meanwhile: then nothing of
 * this call is kept.
 */
export async function finishProcessing(
  deps: FinishDeps,
  process: ProcessRecord,
  mapped: Outcome,
  result: BackendResult,
  logger: Logger,
  alsoInTransaction?: (tx: Repositories) => Promise<void>,
): Promise<boolean> {
  const { store, blobs, clock } = deps;
  const written: string[] = [];
  try {
    const blobOwner = { dossierId: process.dossierId };
    const rawResultKey =
      'raw' in result ? await blobs.put(Buffer.from(JSON.stringify(result.raw)), blobOwner) : undefined;
    if (rawResultKey) written.push(rawResultKey);
    const engineOutputKey =
      result.engineOutput !== undefined
        ? await blobs.put(Buffer.from(JSON.stringify(result.engineOutput)), blobOwner)
        : undefined;
    if (engineOutputKey) written.push(engineOutputKey);
    const media =
      'media' in result && result.media ? await storeMedia(blobs, blobOwner, result.media, clock.now(), written) : [];
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
      // A result kept while the process waited for a reviewer is superseded by the decided one.
      if (rawResultKey !== undefined && current.rawResultKey !== null) unused.push(current.rawResultKey);
      if (engineOutputKey !== undefined && current.engineOutputKey !== null) unused.push(current.engineOutputKey);
      if (alsoInTransaction) await alsoInTransaction(tx);
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
      return false;
    }
    await deleteBlobsQuietly(blobs, replaced, (key, error) =>
      logger.warn({ err: error, blobKey: key }, 'could not delete an unused media blob'),
    );
    logger.info({ processId: process.id, status: outcome.status }, 'verification finished');
    return true;
  } catch (error) {
    await deleteBlobsQuietly(blobs, written, (key, cleanupError) =>
      logger.error({ err: cleanupError, blobKey: key }, 'could not clean up after a failed verification'),
    );
    throw error;
  }
}

/** Redacts the front and back the process will keep: its uploads, or else the provider's media. */
async function redactionOf(
  deps: FinishDeps,
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
  owner: BlobOwner,
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
    const blobKey = await blobs.put(item.bytes, owner);
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
