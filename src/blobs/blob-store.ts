import type { Readable } from 'node:stream';
import type { BlobOwner } from './dossier-keyring.js';

/** Bytes to store: a whole buffer, or a stream that is read once, to its end, without being held whole. */
export type BlobSource = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Where image, video and raw-result bytes live. Keys are chosen by the store, never by callers, so a
 * request can never name a path or an object.
 *
 * @example
 *   const key = await blobs.put(bytes, { dossierId }); // or put(readable, …), streamed
 *   const same = await blobs.get(key); // small blobs only: the whole blob in memory
 *   (await blobs.read(key)).pipe(response); // large blobs: streamed
 *   await blobs.delete(key);
 */
export interface BlobStore {
  /**
   * Stores the bytes under a new key; nothing is visible under that key until the write is complete.
   * A dossier's blobs name it as their owner: they are sealed under its key and die with it.
   */
  put(source: BlobSource, owner?: BlobOwner): Promise<string>;
  /** The whole blob. Throws BlobNotFoundError when the key is unknown. */
  get(key: string): Promise<Buffer>;
  /**
   * The blob as a stream. Rejects with BlobNotFoundError when the key is unknown, before any byte is
   * read; a failure later on (storage, integrity) is an error event of the stream.
   */
  read(key: string): Promise<Readable>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections; the store is not used afterwards. */
  close(): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`Blob ${key} not found.`);
    this.name = 'BlobNotFoundError';
  }
}

/** Deletes blobs, logging instead of failing: used after a commit, when the rows are already gone. */
export async function deleteBlobsQuietly(
  blobs: BlobStore,
  keys: readonly string[],
  onError: (key: string, error: unknown) => void,
): Promise<void> {
  await Promise.all(
    keys.map(async (key) => {
      try {
        await blobs.delete(key);
      } catch (error) {
        onError(key, error);
      }
    }),
  );
}
