import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OpenAssure } from '../../src/app.js';
import { collect } from '../../src/blobs/byte-streams.js';
import { DossierKeyring } from '../../src/blobs/dossier-keyring.js';
import { loadMasterKey } from '../../src/blobs/master-key.js';
import { openBlobStore } from '../../src/blobs/open-blob-store.js';
import { Sealer } from '../../src/crypto/sealer.js';
import { blobFile } from './blobs.js';
import type { TestEnvironment } from './stores.js';

/** Every blob key a process holds: its images and video, raw result, start input and engine output. */
export async function blobKeysOfProcess(app: OpenAssure, clientId: string, processId: string): Promise<string[]> {
  const process = await app.store.repos.processes.findById(processId);
  if (!process) throw new Error(`No process ${processId}.`);
  const images = await app.store.repos.images.list({ kind: 'process', id: processId, clientId });
  return [
    ...images.map((image) => image.blobKey),
    ...[process.rawResultKey, process.startInputKey, process.engineOutputKey].filter((k): k is string => k !== null),
  ];
}

/**
 * Copies of blob files, as a backup would hold them, that can be put back after the server deleted the
 * originals, to show what the server can still make of them. On S3 the object's sidecar files (s3rver's
 * metadata and checksum) are copied with it.
 */
export class BlobBackup {
  private readonly dir: string;

  constructor(private readonly env: TestEnvironment) {
    this.dir = path.join(env.dataDir, 'backup');
    mkdirSync(this.dir, { recursive: true });
  }

  take(keys: readonly string[]): void {
    for (const [index, file] of this.files(keys).entries())
      if (existsSync(file)) copyFileSync(file, path.join(this.dir, String(index)));
  }

  restore(keys: readonly string[]): void {
    for (const [index, file] of this.files(keys).entries()) {
      const copy = path.join(this.dir, String(index));
      if (!existsSync(copy)) continue;
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, readFileSync(copy));
    }
  }

  private files(keys: readonly string[]): string[] {
    return keys.flatMap((key) => {
      const file = blobFile(this.env, key);
      if (this.env.s3Bucket === undefined) return [file];
      const stem = file.slice(0, -'object'.length);
      return [file, `${stem}metadata.json`, `${stem}object.md5`];
    });
  }
}

/**
 * Reads a blob with everything the server has: the same backend, the master key from its settings or
 * data directory, and the dossier keys in its database. Resolves to the bytes or rejects with why not.
 */
export async function readWithServerKeys(app: OpenAssure, key: string): Promise<Buffer> {
  const masterKey = loadMasterKey(app.config.blobs.masterKey, app.config.dataDir);
  const keyring = new DossierKeyring(app.store.repos.dossierKeys, new Sealer(masterKey), () => Date.now());
  const blobs = await openBlobStore(app.config.blobs.backend, masterKey, keyring);
  try {
    return await collect(await blobs.read(key));
  } finally {
    await blobs.close();
  }
}
