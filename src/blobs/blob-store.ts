/**
 * Where image, video and raw-result bytes live. Keys are chosen by the store, never by callers, so a
 * request can never name a path.
 *
 * @example
 *   const key = await blobs.put(bytes);
 *   const same = await blobs.get(key);
 *   await blobs.delete(key);
 */
export interface BlobStore {
  put(data: Buffer): Promise<string>;
  /** Throws BlobNotFoundError when the key is unknown. */
  get(key: string): Promise<Buffer>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
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
