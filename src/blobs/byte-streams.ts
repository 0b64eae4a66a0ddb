import { Readable } from 'node:stream';
import type { BlobSource } from './blob-store.js';

/** A blob source as chunks of bytes, whether it is one buffer or a stream. */
export async function* chunksOf(source: BlobSource): AsyncGenerator<Buffer> {
  if (source instanceof Uint8Array) {
    yield Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    return;
  }
  for await (const chunk of source) {
    yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

/** A blob source as a Node stream (the form the file system and the S3 client take). */
export function readableOf(source: BlobSource): Readable {
  return source instanceof Readable ? source : Readable.from(chunksOf(source), { objectMode: false });
}

/** Reads a whole stream into memory: for blobs known to be small. */
export async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  return Buffer.concat(chunks);
}

/**
 * Reads the first bytes of a stream (a blob's header), then hands over the rest, so a header can be
 * checked before the body is streamed on.
 */
export class HeaderReader {
  private readonly iterator: AsyncIterator<Uint8Array>;
  private buffered = Buffer.alloc(0);
  private ended = false;

  constructor(stream: AsyncIterable<Uint8Array>) {
    this.iterator = stream[Symbol.asyncIterator]();
  }

  /** The first `count` bytes, or fewer if the stream ends first. */
  async peek(count: number): Promise<Buffer> {
    while (this.buffered.length < count && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else this.buffered = Buffer.concat([this.buffered, next.value]);
    }
    return this.buffered.subarray(0, count);
  }

  /** Everything after the first `skip` bytes. */
  async *rest(skip: number): AsyncGenerator<Buffer> {
    try {
      const first = this.buffered.subarray(skip);
      this.buffered = Buffer.alloc(0);
      if (first.length > 0) yield first;
      while (!this.ended) {
        const next = await this.iterator.next();
        if (next.done) this.ended = true;
        else yield Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
      }
    } finally {
      await this.close();
    }
  }

  /** Stops reading: the underlying stream is destroyed (its file or connection released). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.iterator.return?.();
  }
}
