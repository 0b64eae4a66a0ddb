import { createCipheriv, createDecipheriv } from 'node:crypto';
import { ByteQueue } from './byte-queue.js';

/**
 * The body of a version 2 blob: the plaintext cut into chunks of `chunkSize` bytes (the last one may
 * be shorter, even empty), each sealed on its own with AES-256-GCM, so a reader can check and release
 * a chunk at a time instead of holding the whole blob until the one tag at its end.
 *
 *   nonce(i) = prefix (8 random bytes per blob) || i (uint32 big-endian)
 *   AAD(i)   = header || final flag (1 for the last chunk, 0 otherwise)
 *   chunk(i) = ciphertext || tag (16 bytes)
 *
 * The counter in the nonce makes a reordered or repeated chunk fail its tag; the final flag makes a
 * cut-off blob fail (its new last chunk was sealed as not final) and so does anything appended after
 * the real last chunk (which was sealed as final but is no longer last). The header in the AAD ties
 * every chunk to this blob's header.
 */
const chunkTagLength = 16;
export const noncePrefixLength = 8;
/** 64 KiB: large enough that the tags cost 0.02%, small enough that a reader holds little. */
export const defaultChunkSize = 64 * 1024;
/** Readers refuse larger chunks, so a forged header cannot make them buffer gigabytes. */
export const maxChunkSize = 1024 * 1024;
const maxChunks = 2 ** 32;

const nonceOf = (prefix: Buffer, index: number): Buffer => {
  if (index >= maxChunks) throw new Error('The blob has more chunks than its nonces can count.');
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, noncePrefixLength);
  return nonce;
};

const aadOf = (header: Buffer, final: boolean): Buffer => Buffer.concat([header, Buffer.of(final ? 1 : 0)]);

interface ChunkCipherOptions {
  dataKey: Buffer;
  prefix: Buffer;
  chunkSize: number;
  /** The blob's header, authenticated with every chunk. */
  header: Buffer;
}

/** Seals plaintext pieces into chunks. Call update() for each piece, then final() once. */
export class ChunkSealer {
  private readonly pending = new ByteQueue();
  private index = 0;

  constructor(private readonly options: ChunkCipherOptions) {}

  update(piece: Buffer): Buffer[] {
    this.pending.push(piece);
    const sealed: Buffer[] = [];
    // A chunk is sealed only once a byte after it has arrived: until then it might be the last one.
    while (this.pending.length > this.options.chunkSize) {
      sealed.push(this.seal(this.pending.take(this.options.chunkSize), false));
    }
    return sealed;
  }

  final(): Buffer {
    return this.seal(this.pending.take(this.options.chunkSize), true);
  }

  private seal(plain: Buffer, final: boolean): Buffer {
    const { dataKey, prefix, header } = this.options;
    const cipher = createCipheriv('aes-256-gcm', dataKey, nonceOf(prefix, this.index++));
    cipher.setAAD(aadOf(header, final));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }
}

/** Opens sealed chunks as they arrive; only authenticated plaintext ever leaves it. */
export class ChunkOpener {
  private readonly pending = new ByteQueue();
  private index = 0;
  private readonly sealedSize: number;

  constructor(private readonly options: ChunkCipherOptions) {
    this.sealedSize = options.chunkSize + chunkTagLength;
  }

  update(piece: Buffer): Buffer[] {
    this.pending.push(piece);
    const opened: Buffer[] = [];
    while (this.pending.length > this.sealedSize) {
      opened.push(this.open(this.pending.take(this.sealedSize), false));
    }
    return opened;
  }

  /** The last chunk; throws if the blob was cut short. */
  final(): Buffer {
    if (this.pending.length < chunkTagLength) throw new BlobIntegrityError('the blob is truncated');
    return this.open(this.pending.take(this.sealedSize), true);
  }

  private open(sealed: Buffer, final: boolean): Buffer {
    const { dataKey, prefix, header } = this.options;
    const decipher = createDecipheriv('aes-256-gcm', dataKey, nonceOf(prefix, this.index));
    decipher.setAAD(aadOf(header, final));
    decipher.setAuthTag(sealed.subarray(sealed.length - chunkTagLength));
    const plain = decipher.update(sealed.subarray(0, sealed.length - chunkTagLength));
    try {
      decipher.final();
    } catch {
      throw new BlobIntegrityError(`chunk ${this.index} failed authentication`);
    }
    this.index++;
    return plain;
  }
}

/** A blob that was changed, cut short, reordered or sealed with another key. */
export class BlobIntegrityError extends Error {
  constructor(why: string) {
    super(`Blob integrity check failed: ${why}.`);
    this.name = 'BlobIntegrityError';
  }
}
