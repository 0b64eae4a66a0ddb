import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestEnvironment } from './stores.js';

/** s3rver keeps each object as `<key>._S3rver_object` beside metadata files that are not blobs. */
const s3rverSidecar = /\._S3rver_(?!object$)/;

/**
 * Number of blobs at rest under a data directory, on disk or in the S3 test server's directory
 * (temporary files included, so half-writes show up).
 */
export function countBlobFiles(dataDir: string): number {
  const walk = (dir: string): number => {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      return 0;
    }
    return entries.reduce((sum, name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return sum + walk(full);
      return sum + (s3rverSidecar.test(name) ? 0 : 1);
    }, 0);
  };
  return walk(path.join(dataDir, 'blobs'));
}

/** The file that holds a blob at rest: the disk store's file, or the S3 test server's object file. */
export function blobFile(env: TestEnvironment, key: string): string {
  if (env.s3Bucket !== undefined) return path.join(env.dataDir, 'blobs', env.s3Bucket, `${key}._S3rver_object`);
  return path.join(env.dataDir, 'blobs', key.slice(0, 2), key.slice(2, 4), key);
}
