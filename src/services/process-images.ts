import { AppError, conflict, notFound } from '../core/errors.js';
import { providerOf } from '../providers/registry.js';
import { redactedImagesRefusal } from '../redaction/image-gate.js';
import type { ServiceDeps } from './context.js';
import type { StoredImage } from '../store/repositories/images.js';
import type { ImageContent, StreamedContent } from './dossier-files.js';
import { requireProcess } from './processes.js';
import { prepareImages, storeImages, type ImageUpload } from './uploads/stored-images.js';
import type { Depiction, ClientCaller } from '../core/domain.js';

/** Images of a process: uploaded through the API before verification, served afterwards. */
export class ProcessImageService {
  constructor(private readonly deps: ServiceDeps) {}

  async set(caller: ClientCaller, dossierId: string, processId: string, uploads: ImageUpload[]): Promise<void> {
    const { store, blobs, logger, clock } = this.deps;
    const process = await requireProcess(store.repos, caller, dossierId, processId);
    const definition = providerOf(process.provider);
    if (definition.uploadDepictions.length === 0) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} captures images in its own app; they cannot be uploaded through the API.`,
      );
    }
    const refused = uploads.filter((u) => !definition.uploadDepictions.includes(u.depiction));
    if (refused.length > 0) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} processes take ${definition.uploadDepictions.join(', ')} images, not ${refused.map((u) => u.depiction).join(', ')}.`,
      );
    }
    if (uploads.length === 0)
      throw new AppError('validation_failed', `Send at least one of ${definition.uploadDepictions.join(', ')}.`);
    if (process.status !== 'pending') throw frozen();

    const prepared = await prepareImages(uploads);
    const now = clock.now();
    await storeImages(blobs, logger, { dossierId: process.dossierId }, prepared, now, (stored) =>
      store.transaction(async (tx) => {
        // Locks the row while still pending, so a concurrent Start verification waits for this upload.
        if (!(await tx.processes.touchIfPending(process.id, now))) throw frozen();
        return tx.images.put({ kind: 'process', id: process.id, clientId: caller.clientId }, stored);
      }),
    );
  }

  /** The image as a stream, for Get image. */
  async open(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    depiction: Depiction,
  ): Promise<StreamedContent> {
    const image = await this.find(caller, dossierId, processId, depiction);
    return { stream: await this.deps.blobs.read(image.blobKey), contentType: image.contentType, size: image.size };
  }

  /** The whole image, for code that works on its pixels. */
  async get(caller: ClientCaller, dossierId: string, processId: string, depiction: Depiction): Promise<ImageContent> {
    const image = await this.find(caller, dossierId, processId, depiction);
    return { bytes: await this.deps.blobs.get(image.blobKey), contentType: image.contentType };
  }

  private async find(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    depiction: Depiction,
  ): Promise<StoredImage> {
    const { store } = this.deps;
    const process = await requireProcess(store.repos, caller, dossierId, processId);
    const definition = providerOf(process.provider);
    if (!definition.readableDepictions.includes(depiction)) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} processes do not provide a ${depiction} image.`,
      );
    }
    const refusal = redactedImagesRefusal(process, depiction);
    if (refusal) throw conflict(refusal);
    const image = await store.repos.images.find(
      { kind: 'process', id: process.id, clientId: caller.clientId },
      depiction,
    );
    if (!image) throw notFound('Image');
    return image;
  }
}

const frozen = () =>
  conflict(
    'The verification of this process has started; its images can no longer change. Create a new process instead.',
  );
