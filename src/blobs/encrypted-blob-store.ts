import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Sealer } from '../crypto/sealer.js';
import type { BlobSource, BlobStore } from './blob-store.js';
import { chunksOf, collect, HeaderReader } from './byte-streams.js';
import {
  BlobIntegrityError,
  ChunkOpener,
  ChunkSealer,
  defaultChunkSize,
  maxChunkSize,
  noncePrefixLength,
} from './chunked-format.js';

/** "OAB" and a version byte. Version 1 (one GCM seal over the whole blob) is still read, never written. */
const magic = Buffer.from('OAB');
const version1 = Buffer.from('OAB1');
const version2 = Buffer.from('OAB2');
const wrappedKeyLength = 12 + 16 + 32;
const version2HeaderLength = version2.length + wrappedKeyLength + noncePrefixLength + 4;

/**
 * Envelope encryption at rest over any BlobStore: each blob gets its own random data key (AES-256-GCM),
 * stored wrapped by the master key in the blob's header. Rotating the master key rewraps 60-byte
 * headers. Blobs are written in chunks (see chunked-format.ts), so neither writing nor reading holds a
 * whole blob in memory; the format is described in docs/blob-format.md.
 */
export class EncryptedBlobStore implements BlobStore {
  private readonly masterSealer: Sealer;

  constructor(
    private readonly inner: BlobStore,
    masterKey: Buffer,
    private readonly chunkSize = defaultChunkSize,
  ) {
    this.masterSealer = new Sealer(masterKey);
    if (chunkSize < 1 || chunkSize > maxChunkSize) throw new Error(`The chunk size must be 1 to ${maxChunkSize}.`);
  }

  put(source: BlobSource): Promise<string> {
    return this.inner.put(this.seal(source));
  }

  async get(key: string): Promise<Buffer> {
    return collect(await this.read(key));
  }

  async read(key: string): Promise<Readable> {
    const reader = new HeaderReader(await this.inner.read(key));
    try {
      const version = await reader.peek(version1.length);
      if (version.equals(version1))
        return Readable.from([this.openVersion1(await collect(reader.rest(0)))], { objectMode: false });
      if (!version.equals(version2)) {
        throw new BlobIntegrityError(
          version.subarray(0, 3).equals(magic) ? 'unknown format version' : 'not an OpenAssure blob',
        );
      }
      const header = await reader.peek(version2HeaderLength);
      if (header.length < version2HeaderLength) throw new BlobIntegrityError('the header is truncated');
      const opener = new ChunkOpener({ ...this.parseHeader(header), header });
      return Readable.from(opened(reader.rest(version2HeaderLength), opener), { objectMode: false });
    } catch (error) {
      await reader.close();
      throw error;
    }
  }

  delete(key: string): Promise<void> {
    return this.inner.delete(key);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async *seal(source: BlobSource): AsyncGenerator<Buffer> {
    const dataKey = randomBytes(32);
    const prefix = randomBytes(noncePrefixLength);
    const chunkSize = Buffer.alloc(4);
    chunkSize.writeUInt32BE(this.chunkSize);
    const header = Buffer.concat([version2, this.masterSealer.seal(dataKey, version2), prefix, chunkSize]);
    const sealer = new ChunkSealer({ dataKey, prefix, chunkSize: this.chunkSize, header });
    yield header;
    for await (const piece of chunksOf(source)) yield* sealer.update(piece);
    yield sealer.final();
  }

  private parseHeader(header: Buffer): { dataKey: Buffer; prefix: Buffer; chunkSize: number } {
    let offset = version2.length;
    const wrappedKey = header.subarray(offset, (offset += wrappedKeyLength));
    const prefix = header.subarray(offset, (offset += noncePrefixLength));
    const chunkSize = header.readUInt32BE(offset);
    if (chunkSize < 1 || chunkSize > maxChunkSize) throw new BlobIntegrityError('the chunk size is out of range');
    return { dataKey: this.unwrap(wrappedKey, version2), prefix, chunkSize };
  }

  /** Version 1: one seal over the whole body, so it can only be checked (and released) whole. */
  private openVersion1(stored: Buffer): Buffer {
    const dataKey = this.unwrap(stored.subarray(version1.length, version1.length + wrappedKeyLength), version1);
    try {
      return new Sealer(dataKey).open(stored.subarray(version1.length + wrappedKeyLength), version1);
    } catch {
      throw new BlobIntegrityError('the body failed authentication');
    }
  }

  private unwrap(wrappedKey: Buffer, version: Buffer): Buffer {
    try {
      return this.masterSealer.open(wrappedKey, version);
    } catch {
      throw new BlobIntegrityError('its data key does not open with this master key');
    }
  }
}

async function* opened(body: AsyncIterable<Buffer>, opener: ChunkOpener): AsyncGenerator<Buffer> {
  for await (const piece of body) yield* opener.update(piece);
  const last = opener.final();
  if (last.length > 0) yield last;
}
