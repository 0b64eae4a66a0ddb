import type { BlobStore } from '../blobs/blob-store.js';
import type { ImageOwner, StoredImage } from '../store/repositories/images.js';
import type { Repositories } from '../store/store.js';
import { levelOf } from './fields.js';
import { redactedDepictions } from './image-gate.js';
import { redact, type RedactionEngines } from './redactor.js';
import type { Json, ProcessRecord } from '../core/domain.js';

/** Upstream's `providerSpecific.redactionResult`. */
export interface RedactionResult {
  isPartialRedaction: boolean;
  isFullRedaction: boolean;
}

/** A redaction done before the verification's transaction, to be applied inside it. */
export interface PreparedRedaction {
  result: RedactionResult;
  /** Inside the verification's transaction: swaps the document images; returns blob keys to delete after it. */
  apply(tx: Repositories): Promise<string[]>;
}

export interface ProcessRedactionDeps {
  engines: RedactionEngines;
  blobs: BlobStore;
}

export const wantsRedaction = (process: ProcessRecord): boolean => (process.options.redact?.length ?? 0) > 0;

/**
 * Redaction requested at process creation (`redact`, `redactionLevel`), run by the verify job once
 * the result is known. The front and back the process keeps (uploaded, or else the provider's media)
 * are redacted; on success the redacted copies replace them and the originals' blobs are deleted, on
 * failure the front and back are deleted: either way no original is left to be served or downloaded.
 * Every blob written is pushed on `written`, for the job to delete if its transaction fails.
 */
export async function prepareProcessRedaction(
  deps: ProcessRedactionDeps,
  process: ProcessRecord,
  owner: ImageOwner,
  kept: readonly StoredImage[],
  written: string[],
): Promise<PreparedRedaction> {
  const sides = redactedDepictions
    .map((depiction) => kept.find((image) => image.depiction === depiction))
    .filter((image) => image !== undefined);
  const fields = process.options.redact ?? [];
  const images = [];
  for (const side of sides) {
    const contentType = side.contentType === 'image/png' ? ('image/png' as const) : ('image/jpeg' as const);
    images.push({ bytes: await deps.blobs.get(side.blobKey), contentType });
  }
  // An engine error throws: the job's attempt fails before anything is committed and is retried, as
  // for any engine error during verification (the images were checked to be decodable on upload).
  const level = levelOf(process.options.redactionLevel);
  const outcome = images.length > 0 ? await redact(deps.engines, { images, fields, level }) : undefined;
  const result: RedactionResult = {
    isPartialRedaction: (outcome?.located.length ?? 0) > 0,
    isFullRedaction: outcome?.images !== undefined,
  };
  const redacted: StoredImage[] = [];
  for (const [i, image] of (outcome?.images ?? []).entries()) {
    const blobKey = await deps.blobs.put(image.bytes, { dossierId: process.dossierId });
    written.push(blobKey);
    redacted.push({ ...sides[i]!, blobKey, contentType: image.contentType, size: image.bytes.length });
  }
  return {
    result,
    apply: (tx) =>
      result.isFullRedaction ? tx.images.put(owner, redacted) : tx.images.deleteDepictions(owner, redactedDepictions),
  };
}

/** The outcome's providerSpecific with the redaction result set (it replaces any a sandbox scenario made up). */
export function withRedactionResult(providerSpecific: Json | undefined, result: RedactionResult): Json {
  return { ...providerSpecific, redactionResult: { ...result } };
}
