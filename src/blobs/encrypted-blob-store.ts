import { randomBytes } from 'node:crypto';
import { Sealer } from '../crypto/sealer.js';
import type { BlobStore } from './blob-store.js';

const magic = Buffer.from('OAB1');
const wrappedKeyLength = 12 + 16 + 32;

/**
 * Envelope encryption at rest over any BlobStore: each blob gets its own random data key (AES-256-GCM),
 * stored wrapped by the master key in the blob's header. Rotating the master key rewraps 60-byte headers.
 */
export class EncryptedBlobStore implements BlobStore {
  private readonly masterSealer: Sealer;

  constructor(
    private readonly inner: BlobStore,
    masterKey: Buffer,
  ) {
    this.masterSealer = new Sealer(masterKey);
  }

  async put(data: Buffer): Promise<string> {
    const dataKey = randomBytes(32);
    const wrappedKey = this.masterSealer.seal(dataKey, magic);
    const body = new Sealer(dataKey).seal(data, magic);
    return this.inner.put(Buffer.concat([magic, wrappedKey, body]));
  }

  async get(key: string): Promise<Buffer> {
    const stored = await this.inner.get(key);
    if (!stored.subarray(0, magic.length).equals(magic)) throw new Error(`Blob ${key} is not an OpenAssure blob.`);
    const wrappedKey = stored.subarray(magic.length, magic.length + wrappedKeyLength);
    const dataKey = this.masterSealer.open(wrappedKey, magic);
    return new Sealer(dataKey).open(stored.subarray(magic.length + wrappedKeyLength), magic);
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }
}
