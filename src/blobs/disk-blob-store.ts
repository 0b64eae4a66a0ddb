import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { checkBlobKey, newBlobKey } from './blob-keys.js';
import { BlobNotFoundError, type BlobSource, type BlobStore } from './blob-store.js';
import { chunksOf } from './byte-streams.js';
import type { BlobStoreManifest } from './manifest.js';

export const DiskBlobStoreOptions = Type.Object({
  /** A private directory, outside anything served over HTTP. */
  dir: Type.String({ minLength: 1 }),
});
export type DiskBlobStoreOptions = Static<typeof DiskBlobStoreOptions>;

/**
 * Blobs as files in a private directory (0700), outside anything served over HTTP. Keys are 128-bit
 * random hex; anything else is refused before touching the file system. A blob is streamed to a
 * temporary file, fsynced, then renamed into place, so a reader never sees half a blob.
 */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async put(source: BlobSource): Promise<string> {
    const key = newBlobKey();
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
    const handle = await open(temporary, 'wx', 0o600);
    try {
      try {
        await writeFile(handle, chunksOf(source));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async read(key: string): Promise<Readable> {
    try {
      // Opened here, so a missing blob is reported before the caller starts answering.
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream({ autoClose: true, highWaterMark: 64 * 1024 });
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    checkBlobKey(key);
    return path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
  }
}

const notFoundOr = (error: unknown, key: string): unknown =>
  (error as NodeJS.ErrnoException).code === 'ENOENT' ? new BlobNotFoundError(key) : error;

export const diskBlobStore: BlobStoreManifest<typeof DiskBlobStoreOptions> = {
  id: 'disk',
  options: DiskBlobStoreOptions,
  create: (options) => new DiskBlobStore(options.dir),
};
