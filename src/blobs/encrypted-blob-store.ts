import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Sealer } from '../crypto/sealer.js';
import type { BlobSource, BlobStore } from './blob-store.js';
import { dossierKeyIdLength, type BlobOwner, type DossierKeyring } from './dossier-keyring.js';
import { chunksOf, collect, HeaderReader } from './byte-streams.js';
import {
  BlobIntegrityError,
  ChunkOpener,
  ChunkSealer,
  defaultChunkSize,
  maxChunkSize,
  noncePrefixLength,
} from './chunked-format.js';

/**
 * "OAB" and a version byte. Version 1 (one GCM seal over the whole blob) is still read, never written;
 * version 2 (data key wrapped by the master key) is written for blobs that belong to no dossier;
 * version 3 (data key wrapped by the dossier's key) for the blobs of a dossier.
 */
const magic = Buffer.from('OAB');
const version1 = Buffer.from('OAB1');
const version2 = Buffer.from('OAB2');
const version3 = Buffer.from('OAB3');
const wrappedKeyLength = 12 + 16 + 32;
const version2HeaderLength = version2.length + wrappedKeyLength + noncePrefixLength + 4;
const version3HeaderLength = version2HeaderLength + dossierKeyIdLength;

export interface EncryptedBlobStoreOptions {
  /** The dossiers' keys; without it every blob is written as version 2 and version 3 blobs do not open. */
  keyring?: DossierKeyring;
  chunkSize?: number;
}

/**
 * Envelope encryption at rest over any BlobStore: each blob gets its own random data key (AES-256-GCM),
 * stored wrapped in the blob's header: by its dossier's key (crypto-shredding: deleting the dossier
 * deletes that key, and every copy of its blobs becomes unreadable), or by the master key for blobs of
 * no dossier. Blobs are written in chunks (see chunked-format.ts), so neither writing nor reading holds
 * a whole blob in memory; the format is described in docs/blob-format.md.
 */
export class EncryptedBlobStore implements BlobStore {
  private readonly masterSealer: Sealer;
  private readonly keyring: DossierKeyring | undefined;
  private readonly chunkSize: number;

  constructor(
    private readonly inner: BlobStore,
    masterKey: Buffer,
    options: EncryptedBlobStoreOptions = {},
  ) {
    this.masterSealer = new Sealer(masterKey);
    this.keyring = options.keyring;
    this.chunkSize = options.chunkSize ?? defaultChunkSize;
    if (this.chunkSize < 1 || this.chunkSize > maxChunkSize)
      throw new Error(`The chunk size must be 1 to ${maxChunkSize}.`);
  }

  async put(source: BlobSource, owner?: BlobOwner): Promise<string> {
    const dataKey = randomBytes(32);
    let keyPart: Buffer;
    if (owner && this.keyring) {
      const dossierKey = await this.keyring.keyFor(owner.dossierId);
      const start = Buffer.concat([version3, dossierKey.id]);
      keyPart = Buffer.concat([start, new Sealer(dossierKey.key).seal(dataKey, start)]);
    } else {
      keyPart = Buffer.concat([version2, this.masterSealer.seal(dataKey, version2)]);
    }
    return this.inner.put(this.seal(source, dataKey, keyPart));
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
      const headerLength = version.equals(version2)
        ? version2HeaderLength
        : version.equals(version3)
          ? version3HeaderLength
          : undefined;
      if (headerLength === undefined) {
        throw new BlobIntegrityError(
          version.subarray(0, 3).equals(magic) ? 'unknown format version' : 'not an OpenAssure blob',
        );
      }
      const header = await reader.peek(headerLength);
      if (header.length < headerLength) throw new BlobIntegrityError('the header is truncated');
      const opener = new ChunkOpener({ ...(await this.parseHeader(header)), header });
      return Readable.from(opened(reader.rest(headerLength), opener), { objectMode: false });
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

  /** `keyPart` is the header up to the nonce prefix: the version, (version 3) the dossier key's id, the wrapped data key. */
  private async *seal(source: BlobSource, dataKey: Buffer, keyPart: Buffer): AsyncGenerator<Buffer> {
    const prefix = randomBytes(noncePrefixLength);
    const chunkSize = Buffer.alloc(4);
    chunkSize.writeUInt32BE(this.chunkSize);
    const header = Buffer.concat([keyPart, prefix, chunkSize]);
    const sealer = new ChunkSealer({ dataKey, prefix, chunkSize: this.chunkSize, header });
    yield header;
    for await (const piece of chunksOf(source)) yield* sealer.update(piece);
    yield sealer.final();
  }

  private async parseHeader(header: Buffer): Promise<{ dataKey: Buffer; prefix: Buffer; chunkSize: number }> {
    const isVersion3 = header.subarray(0, version3.length).equals(version3);
    let offset = version2.length + (isVersion3 ? dossierKeyIdLength : 0);
    const start = header.subarray(0, offset);
    const wrappedKey = header.subarray(offset, (offset += wrappedKeyLength));
    const prefix = header.subarray(offset, (offset += noncePrefixLength));
    const chunkSize = header.readUInt32BE(offset);
    if (chunkSize < 1 || chunkSize > maxChunkSize) throw new BlobIntegrityError('the chunk size is out of range');
    const wrapper = isVersion3 ? await this.dossierSealer(start.subarray(version3.length)) : this.masterSealer;
    return {
      dataKey: unwrap(wrapper, wrappedKey, start, isVersion3 ? "its dossier's key" : undefined),
      prefix,
      chunkSize,
    };
  }

  /** The sealer of the dossier key a version 3 header names; a deleted dossier's key is gone for good. */
  private async dossierSealer(keyId: Buffer): Promise<Sealer> {
    const key = this.keyring && (await this.keyring.find(keyId));
    if (!key) throw new BlobIntegrityError("its dossier's key no longer exists (the dossier was deleted)");
    return new Sealer(key);
  }

  /** Version 1: one seal over the whole body, so it can only be checked (and released) whole. */
  private openVersion1(stored: Buffer): Buffer {
    const dataKey = unwrap(
      this.masterSealer,
      stored.subarray(version1.length, version1.length + wrappedKeyLength),
      version1,
    );
    try {
      return new Sealer(dataKey).open(stored.subarray(version1.length + wrappedKeyLength), version1);
    } catch {
      throw new BlobIntegrityError('the body failed authentication');
    }
  }
}

function unwrap(sealer: Sealer, wrappedKey: Buffer, associatedData: Buffer, whose = 'this master key'): Buffer {
  try {
    return sealer.open(wrappedKey, associatedData);
  } catch {
    throw new BlobIntegrityError(`its data key does not open with ${whose}`);
  }
}

async function* opened(body: AsyncIterable<Buffer>, opener: ChunkOpener): AsyncGenerator<Buffer> {
  for await (const piece of body) yield* opener.update(piece);
  const last = opener.final();
  if (last.length > 0) yield last;
}
