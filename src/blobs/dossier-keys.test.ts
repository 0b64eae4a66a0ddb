import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Sealer } from '../crypto/sealer.js';
import { BlobIntegrityError } from './chunked-format.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { DossierKeyring, type SealedKeyTable } from './dossier-keyring.js';
import { EncryptedBlobStore } from './encrypted-blob-store.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** The dossier_keys table as a map, so that a test can delete a row as deleting a dossier does. */
class KeyTable implements SealedKeyTable {
  readonly rows = new Map<string, { id: string; sealed: string }>();

  ensure(dossierId: string, candidate: { id: string; sealed: string }) {
    if (!this.rows.has(dossierId)) this.rows.set(dossierId, candidate);
    return Promise.resolve(this.rows.get(dossierId)!);
  }

  findSealed(id: string) {
    return Promise.resolve([...this.rows.values()].find((row) => row.id === id)?.sealed);
  }
}

function setup() {
  const root = mkdtempSync(path.join(tmpdir(), 'dossier-keys-'));
  roots.push(root);
  const masterKey = randomBytes(32);
  const table = new KeyTable();
  const keyring = new DossierKeyring(table, new Sealer(masterKey), () => 0);
  const blobs = new EncryptedBlobStore(new DiskBlobStore(root), masterKey, { keyring, chunkSize: 1024 });
  const fileOf = (key: string) => path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  return { root, masterKey, table, keyring, blobs, fileOf };
}

const data = Buffer.from('P<UTOERIKSSON<<ANNA<MARIA'.repeat(300));

describe('blobs sealed under their dossier key (version 3)', () => {
  it("writes a dossier's blobs as version 3 naming its key, and reads them back", async () => {
    const { blobs, fileOf, table } = setup();
    const key = await blobs.put(data, { dossierId: 'd1' });
    const stored = readFileSync(fileOf(key));
    expect(stored.subarray(0, 4).toString()).toBe('OAB3');
    expect(stored.subarray(4, 20).toString('hex')).toBe(table.rows.get('d1')!.id);
    expect(stored.includes(Buffer.from('ERIKSSON'))).toBe(false);
    expect((await blobs.get(key)).equals(data)).toBe(true);
    // One key per dossier, shared by its blobs; another dossier gets its own.
    await blobs.put(data, { dossierId: 'd1' });
    await blobs.put(data, { dossierId: 'd2' });
    expect(table.rows.size).toBe(2);
    // Blobs of no dossier are still version 2, under the master key.
    const loose = await blobs.put(data);
    expect(readFileSync(fileOf(loose)).subarray(0, 4).toString()).toBe('OAB2');
    expect((await blobs.get(loose)).equals(data)).toBe(true);
  });

  it('cannot open any copy of a blob once its dossier key is deleted, with the master key or any other key', async () => {
    const { blobs, fileOf, table, root, masterKey } = setup();
    const key = await blobs.put(data, { dossierId: 'gone' });
    const kept = await blobs.put(data, { dossierId: 'kept' });
    const copy = readFileSync(fileOf(key));
    table.rows.delete('gone');
    await expect(blobs.get(key)).rejects.toThrow(BlobIntegrityError);
    await expect(blobs.get(key)).rejects.toThrow(/no longer exists/);
    expect((await blobs.get(kept)).equals(data)).toBe(true);
    // Naming the surviving dossier's key in the copy's header does not open it either.
    const forged = Buffer.from(copy);
    Buffer.from(table.rows.get('kept')!.id, 'hex').copy(forged, 4);
    writeFileSync(fileOf(key), forged);
    await expect(blobs.get(key)).rejects.toThrow(BlobIntegrityError);
    // Nor does a store with the same master key and no keyring.
    writeFileSync(fileOf(key), copy);
    const masterOnly = new EncryptedBlobStore(new DiskBlobStore(root), masterKey);
    await expect(masterOnly.get(key)).rejects.toThrow(/no longer exists/);
  });

  it('refuses a sealed dossier key moved to another id', async () => {
    const { table, keyring } = setup();
    await keyring.keyFor('a');
    await keyring.keyFor('b');
    const a = table.rows.get('a')!;
    const b = table.rows.get('b')!;
    table.rows.set('b', { id: b.id, sealed: a.sealed });
    await expect(keyring.find(Buffer.from(b.id, 'hex'))).rejects.toThrow();
  });
});
