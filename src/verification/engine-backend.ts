import type { BlobStore } from '../blobs/blob-store.js';
import type { TrustAnchors } from '../chip/trust-anchors.js';
import { decodeChipUpload } from '../chip/upload.js';
import type { Clock } from '../core/time.js';
import type { Engines } from '../engines/pool/types.js';
import type { Store } from '../store/store.js';
import type { BackendInput, BackendResult, VerificationBackend } from './backend.js';
import { UnavailableBackend } from './unavailable-backend.js';
import type { Depiction } from '../core/domain.js';

export interface EngineBackendDeps {
  store: Store;
  blobs: BlobStore;
  clock: Clock;
  engines: Engines;
  minimumAge: number;
  compromisedDocumentNumbers: ReadonlySet<string>;
  /** The CSCAs trusted at this moment (the trust store reloads on SIGHUP). */
  trustAnchors: () => TrustAnchors;
}

/**
 * Live verification with the built-in engines: hands the process's images and start input to the
 * provider's engine backend, which builds the provider's raw result from what the engines measure.
 * Providers without one fail, saying so.
 */
export class EngineBackend implements VerificationBackend {
  private readonly unavailable = new UnavailableBackend();

  constructor(private readonly deps: EngineBackendDeps) {}

  async produce(input: BackendInput): Promise<BackendResult> {
    const { process, definition } = input;
    const type = process.processType ?? definition.defaultProcessType;
    const served =
      definition.engineProcessTypes === undefined ||
      (type !== undefined && definition.engineProcessTypes.includes(type));
    if (!definition.engineBackend || !served) return this.unavailable.produce(input);
    const { store, blobs, clock } = this.deps;
    const images: Partial<Record<Depiction, Buffer>> = {};
    for (const image of await store.repos.images.list({
      kind: 'process',
      id: process.id,
      clientId: process.clientId,
    })) {
      if (image.depiction !== 'video') images[image.depiction] = await blobs.get(image.blobKey);
    }
    const startInput =
      process.startInputKey === null
        ? undefined
        : (JSON.parse((await blobs.get(process.startInputKey)).toString('utf8')) as Record<string, unknown>);
    const chipKey = definition.chipUpload ? await store.repos.chip.filesKey(process.id) : null;
    const chip =
      chipKey === null
        ? undefined
        : { upload: decodeChipUpload(await blobs.get(chipKey)), trust: this.deps.trustAnchors() };
    const {
      raw,
      engineOutput,
      images: found,
    } = await definition.engineBackend({
      process,
      images,
      startInput,
      engines: this.deps.engines,
      now: clock.now(),
      today: clock.today(),
      minimumAge: this.deps.minimumAge,
      compromisedDocumentNumbers: this.deps.compromisedDocumentNumbers,
      ...(chip && { chip }),
      seenBefore: (kind, fingerprint) =>
        store.repos.seenFingerprints.recordAndCheck(kind, fingerprint, process.clientId, clock.now()),
    });
    return { raw, engineOutput, ...(found && found.length > 0 && { media: { images: found } }) };
  }
}
