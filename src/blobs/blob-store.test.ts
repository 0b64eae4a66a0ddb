import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3Server, type TestS3Server } from '../../test/support/s3-server.js';
import { BlobNotFoundError, type BlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { EncryptedBlobStore } from './encrypted-blob-store.js';
import { createS3Client, S3BlobStore } from './s3-blob-store.js';

const roots: string[] = [];
const newRoot = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'blobs-'));
  roots.push(root);
  return root;
};

let s3: TestS3Server;
beforeAll(async () => {
  s3 = await startS3Server(newRoot());
});
afterAll(async () => {
  await s3.close();
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
});

/** An adapter under test, and what it really holds: files on disk, objects in the bucket. */
interface Subject {
  blobs: BlobStore;
  stored(): Promise<number>;
}

const filesUnder = (root: string) =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

function disk(): Subject {
  const root = newRoot();
  return { blobs: new DiskBlobStore(root), stored: async () => filesUnder(root) };
}

let bucketCounter = 0;
async function bucket(): Promise<Subject> {
  // A bucket of its own per subject, so counts are not disturbed by other tests.
  const name = `contract-${++bucketCounter}`;
  const client = createS3Client(s3.options);
  await client.send(new CreateBucketCommand({ Bucket: name }));
  const blobs = new S3BlobStore(createS3Client(s3.options), name);
  return {
    blobs,
    async stored() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: name }));
      return listed.KeyCount ?? 0;
    },
  };
}

const encrypted = async (make: () => Subject | Promise<Subject>): Promise<Subject> => {
  const inner = await make();
  return { ...inner, blobs: new EncryptedBlobStore(inner.blobs, randomBytes(32)) };
};

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** `size` random bytes in uneven pieces, generated as they are read: never one buffer. */
async function* pieces(size: number, seed = randomBytes(32)): AsyncGenerator<Buffer> {
  let counter = 0;
  for (let sent = 0; sent < size;) {
    const length = Math.min(size - sent, 1 + ((counter * 7919) % 300_000));
    yield expand(seed, counter++, length);
    sent += length;
  }
}
/** Deterministic bytes (an AES-CTR keystream), so a stream can be generated again to compare against. */
function expand(seed: Buffer, counter: number, length: number): Buffer {
  const iv = Buffer.alloc(16);
  iv.writeUInt32BE(counter);
  return createCipheriv('aes-256-ctr', seed, iv).update(Buffer.alloc(length));
}
async function digestOf(stream: AsyncIterable<Uint8Array>): Promise<{ hash: string; bytes: number; chunks: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let chunks = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    bytes += chunk.length;
    chunks++;
  }
  return { hash: hash.digest('hex'), bytes, chunks };
}

// The same contract for every BlobStore adapter, bare and under envelope encryption.
describe.each([
  ['disk', disk],
  ['s3', bucket],
  ['encrypted disk', () => encrypted(disk)],
  ['encrypted s3', () => encrypted(bucket)],
] as [string, () => Subject | Promise<Subject>][])('%s blob store', (_name, make) => {
  it('round-trips bytes under a key it chose, whole and as a stream', async () => {
    const { blobs } = await make();
    const data = randomBytes(10_000);
    const key = await blobs.put(data);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect((await blobs.get(key)).equals(data)).toBe(true);
    expect((await digestOf(await blobs.read(key))).hash).toBe(sha256(data));
    expect(await blobs.put(data)).not.toBe(key);
  });

  it('stores an empty blob', async () => {
    const { blobs } = await make();
    const key = await blobs.put(Buffer.alloc(0));
    expect((await blobs.get(key)).length).toBe(0);
    expect((await digestOf(await blobs.read(key))).bytes).toBe(0);
  });

  it('streams a large blob in and out in pieces', async () => {
    const { blobs } = await make();
    const size = 21 * 1024 * 1024 + 123; // over two S3 parts, not a multiple of any chunk size
    const seed = randomBytes(32);
    const key = await blobs.put(pieces(size, seed));
    const expected = await digestOf(pieces(size, seed));
    const read = await digestOf(await blobs.read(key));
    expect(read.bytes).toBe(size);
    expect(read.hash).toBe(expected.hash);
    // Streamed, not handed over as one buffer.
    expect(read.chunks).toBeGreaterThan(10);
  });

  it('deletes idempotently and reports missing blobs before any byte', async () => {
    const { blobs, stored } = await make();
    const key = await blobs.put(Buffer.from('x'));
    expect(await stored()).toBe(1);
    await blobs.delete(key);
    await blobs.delete(key);
    expect(await stored()).toBe(0);
    await expect(blobs.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.read(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.read('0'.repeat(32))).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('refuses keys it could not have chosen, which could name another path or object', async () => {
    const { blobs } = await make();
    for (const key of ['../../etc/passwd', 'ab/../../x', '', 'A'.repeat(32), `${'a'.repeat(32)}/x`]) {
      await expect(blobs.get(key)).rejects.toThrow(/Invalid blob key/);
      await expect(blobs.read(key)).rejects.toThrow(/Invalid blob key/);
      await expect(blobs.delete(key)).rejects.toThrow(/Invalid blob key/);
    }
  });

  it('keeps concurrent writes apart', async () => {
    const { blobs, stored } = await make();
    const datas = Array.from({ length: 16 }, (_, i) => randomBytes(1000 + i * 5000));
    // Half as buffers, half as streams.
    const keys = await Promise.all(datas.map((data, i) => blobs.put(i % 2 === 0 ? data : inTwo(data))));
    expect(new Set(keys).size).toBe(datas.length);
    expect(await stored()).toBe(datas.length);
    const read = await Promise.all(keys.map((key) => blobs.get(key)));
    read.forEach((bytes, i) => expect(bytes.equals(datas[i]!)).toBe(true));
  });

  it('leaves nothing behind when the source fails half-way', async () => {
    const { blobs, stored } = await make();
    async function* failing(): AsyncGenerator<Buffer> {
      yield randomBytes(9 * 1024 * 1024);
      throw new Error('the upload was cut off');
    }
    await expect(blobs.put(failing())).rejects.toThrow(/cut off/);
    expect(await stored()).toBe(0);
  });
});

async function* inTwo(data: Buffer): AsyncGenerator<Buffer> {
  yield data.subarray(0, 100);
  yield data.subarray(100);
}
