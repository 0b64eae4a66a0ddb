import type { ProviderDefinition } from '../providers/types.js';
import type { Outcome, Depiction, ProcessRecord } from '../core/domain.js';

/** Images (and a video) a backend produced, to attach to the process when it finishes. */
export interface ProducedMedia {
  images: { depiction: Depiction; bytes: Buffer; contentType: 'image/jpeg' | 'image/png' }[];
  video?: { bytes: Buffer; contentType: 'video/mp4' };
}

/**
 * What a backend hands back: the provider's raw result (mapped by the provider's own mapResult), or an
 * outcome directly when it could not obtain one (e.g. no backend for this provider).
 */
export type BackendResult =
  | {
      raw: unknown;
      media?: ProducedMedia;
      /** What the built-in engines measured to build `raw`; kept for the download. */
      engineOutput?: unknown;
    }
  | { outcome: Outcome; engineOutput?: unknown };

export interface BackendInput {
  process: ProcessRecord;
  definition: ProviderDefinition;
}

/**
 * Where a provider's raw result comes from: the sandbox's scenarios, the built-in engines, or a vendor.
 *
 * @example
 *   const result = await backend.produce({ process, definition });
 */
export interface VerificationBackend {
  produce(input: BackendInput): Promise<BackendResult>;
}
