import type { Readable } from 'node:stream';
import { deleteBlobsQuietly } from '../blobs/blob-store.js';
import { AppError, notFound } from '../core/errors.js';
import { redactedImagesRefusal } from '../redaction/image-gate.js';
import type { StoredImage } from '../store/repositories/images.js';
import type { ServiceDeps } from './context.js';
import { requireDossier } from './dossiers.js';
import { prepareImages, storeImages, type ImageUpload, type PreparedImage } from './uploads/stored-images.js';
import type { ClientCaller, Depiction, MediaDepiction } from '../core/domain.js';

export const dossierFileDepictions = ['front', 'back', 'selfie'] as const satisfies readonly Depiction[];
export type DossierFileDepiction = (typeof dossierFileDepictions)[number];

const isDossierFileDepiction = (depiction: MediaDepiction): depiction is DossierFileDepiction =>
  dossierFileDepictions.some((kept) => kept === depiction);

export interface ImageContent {
  bytes: Buffer;
  contentType: string;
}

/** A stored image or video on its way to the client, read from the blob store as it is sent. */
export interface StreamedContent {
  stream: Readable;
  contentType: string;
  /** Bytes the stream will deliver. */
  size: number;
}

/** Images kept on the dossier itself, uploaded directly or copied from one of its processes. */
export class DossierFileService {
  constructor(private readonly deps: ServiceDeps) {}

  async set(
    caller: ClientCaller,
    dossierId: string,
    uploads: ImageUpload[],
    fromProcessId: string | undefined,
  ): Promise<void> {
    const { store, blobs, logger, clock } = this.deps;
    const dossier = await requireDossier(store.repos, caller, dossierId);
    if (uploads.length === 0 && fromProcessId === undefined) {
      throw new AppError('validation_failed', 'Send at least one of front, back, selfie or processId.');
    }
    const prepared = await prepareImages(uploads);
    if (fromProcessId !== undefined)
      prepared.unshift(...(await this.processImages(caller, dossier.id, fromProcessId, prepared)));
    const owner = { kind: 'dossier' as const, id: dossier.id, clientId: caller.clientId };
    const now = clock.now();
    await storeImages(blobs, logger, { dossierId: dossier.id }, prepared, now, (stored) =>
      store.transaction(async (tx) => {
        await requireDossier(tx, caller, dossierId);
        const replaced = await tx.images.put(owner, stored);
        await tx.dossiers.touch(dossier.id, now);
        return replaced;
      }),
    );
  }

  async get(caller: ClientCaller, dossierId: string, depiction: DossierFileDepiction): Promise<StreamedContent> {
    const dossier = await requireDossier(this.deps.store.repos, caller, dossierId);
    const image = await this.deps.store.repos.images.find(
      { kind: 'dossier', id: dossier.id, clientId: caller.clientId },
      depiction,
    );
    if (!image) throw notFound('File');
    return { stream: await this.deps.blobs.read(image.blobKey), contentType: image.contentType, size: image.size };
  }

  async delete(caller: ClientCaller, dossierId: string): Promise<void> {
    const { store, blobs, logger, clock } = this.deps;
    const keys = await store.transaction(async (tx) => {
      const dossier = await requireDossier(tx, caller, dossierId);
      const deleted = await tx.images.deleteOwner({ kind: 'dossier', id: dossier.id, clientId: caller.clientId });
      await tx.dossiers.touch(dossier.id, clock.now());
      return deleted;
    });
    await deleteBlobsQuietly(blobs, keys, (blobKey, error) =>
      logger.error({ err: error, blobKey }, 'could not delete the blob of a deleted file'),
    );
  }

  /** The dossier process's document and selfie images, except depictions also uploaded in the same request. */
  private async processImages(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    uploaded: readonly PreparedImage[],
  ): Promise<PreparedImage[]> {
    const { store, blobs } = this.deps;
    const process = await store.repos.processes.find(caller.clientId, dossierId, processId);
    if (!process) throw notFound('Process');
    const images: StoredImage[] = await store.repos.images.list({
      kind: 'process',
      id: process.id,
      clientId: caller.clientId,
    });
    const copies = images.flatMap(({ depiction, ...image }) =>
      isDossierFileDepiction(depiction) && !uploaded.some((upload) => upload.depiction === depiction)
        ? [{ ...image, depiction }]
        : [],
    );
    if (copies.length === 0)
      throw new AppError('bad_request', 'The process has no front, back or selfie image to copy.');
    // Copying must not be a way around the redaction gate of the image endpoint.
    const refused = copies.map((image) => redactedImagesRefusal(process, image.depiction)).find(Boolean);
    if (refused) throw new AppError('bad_request', refused);
    return Promise.all(
      copies.map(async (image) => ({
        depiction: image.depiction,
        bytes: await blobs.get(image.blobKey),
        contentType: image.contentType as PreparedImage['contentType'],
      })),
    );
  }
}
