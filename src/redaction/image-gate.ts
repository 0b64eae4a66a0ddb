import { isFinal } from '../core/process-status.js';
import type { Depiction, MediaDepiction, ProcessRecord } from '../core/domain.js';

/** The documented flag upstream gates the images on: `providerSpecific.redactionResult.isFullRedaction`. */
function isFullyRedacted(process: ProcessRecord): boolean {
  const specific = process.outcome?.providerSpecific as { redactionResult?: { isFullRedaction?: unknown } } | undefined;
  return specific?.redactionResult?.isFullRedaction === true;
}

/**
 * Why a process's document images must not be handed out, or undefined when they may be. A process
 * created with `redact` shows its images only once they are fully redacted: before the verification
 * has run they are still the originals, and after a failed redaction there is nothing safe to show.
 */
export function redactedImagesRefusal(process: ProcessRecord, depiction: MediaDepiction): string | undefined {
  if ((process.options.redact?.length ?? 0) === 0 || !isRedactedSide(depiction)) return undefined;
  if (process.outcome === null) {
    return isFinal(process.status)
      ? 'Redaction was requested for this process but it ended without a verification, so its images were never redacted: they are not available.'
      : 'Redaction was requested for this process: its images are available once the verification has redacted them.';
  }
  if (!isFullyRedacted(process)) {
    return 'Redaction was requested for this process but not every field could be redacted (redactionResult.isFullRedaction is false): its images are not available.';
  }
  return undefined;
}

/** The document sides redaction works on; a selfie is not a document image. */
export const redactedDepictions = ['front', 'back'] as const satisfies readonly Depiction[];

export const isRedactedSide = (depiction: MediaDepiction): depiction is (typeof redactedDepictions)[number] =>
  depiction === 'front' || depiction === 'back';
