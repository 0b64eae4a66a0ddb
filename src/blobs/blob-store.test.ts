import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, type BlobStore } from './blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { EncryptedBlobStore } from './encrypted-blob-store.js';

const roots: string[] = [];
const newRoot = () => {
  const root = mkdtempSync(path.join(tmpdir(), 'blobs-'));
  roots.push(root);
  return root;
};
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// The same contract for every BlobStore adapter.
describe.each([
  ['disk', () => new DiskBlobStore(newRoot())],
  ['encrypted disk', () => new EncryptedBlobStore(new DiskBlobStore(newRoot()), randomBytes(32))],
] as [string, () => BlobStore][])('%s blob store', (_name, make) => {
  it('round-trips bytes under a key it chose', async () => {
    const blobs = make();
    const data = randomBytes(10_000);
    const key = await blobs.put(data);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect((await blobs.get(key)).equals(data)).toBe(true);
    expect(await blobs.put(data)).not.toBe(key);
  });

  it('deletes idempotently and reports missing blobs', async () => {
    const blobs = make();
    const key = await blobs.put(Buffer.from('x'));
    await blobs.delete(key);
    await blobs.delete(key);
    await expect(blobs.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('refuses keys that could name another path', async () => {
    const blobs = make();
    for (const key of ['../../etc/passwd', 'ab/../../x', '', 'A'.repeat(32)]) {
      await expect(blobs.get(key)).rejects.toThrow();
      await expect(blobs.delete(key)).rejects.toThrow();
    }
  });
});

describe('encrypted blob store', () => {
  it('refuses blobs sealed with another master key, and leaves no temporary files', async () => {
    const root = newRoot();
    const key = await new EncryptedBlobStore(new DiskBlobStore(root), randomBytes(32)).put(Buffer.from('secret'));
    await expect(new EncryptedBlobStore(new DiskBlobStore(root), randomBytes(32)).get(key)).rejects.toThrow();
    const files = readdirSync(root, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
