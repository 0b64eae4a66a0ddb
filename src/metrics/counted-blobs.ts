import type { Readable } from 'node:stream';
import { BlobNotFoundError, type BlobSource, type BlobStore } from '../blobs/blob-store.js';
import type { BlobOwner } from '../blobs/dossier-keyring.js';
import type { Metrics } from './registry.js';

/** The blob store, its failures counted into `openassure_blob_store_errors_total` (a missing key is no failure). */
export function countedBlobs(blobs: BlobStore, metrics: Metrics): BlobStore {
  const counted = async <T>(operation: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof BlobNotFoundError)) metrics.blobErrors.inc({ operation });
      throw error;
    }
  };
  return {
    // The owner must pass through: it picks the dossier's data key (crypto-shredding).
    put: (source: BlobSource, owner?: BlobOwner) => counted('put', () => blobs.put(source, owner)),
    get: (key: string) => counted('get', () => blobs.get(key)),
    read: (key: string) =>
      counted('read', async (): Promise<Readable> => {
        const stream = await blobs.read(key);
        // A failure after the first byte (storage, integrity) is an error event of the stream.
        stream.once('error', () => metrics.blobErrors.inc({ operation: 'read' }));
        return stream;
      }),
    delete: (key: string) => counted('delete', () => blobs.delete(key)),
    close: () => blobs.close(),
  };
}
