import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Number of blob files under a data directory (temporary files included, so half-writes show up). */
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
      return sum + (statSync(full).isDirectory() ? walk(full) : 1);
    }, 0);
  };
  return walk(path.join(dataDir, 'blobs'));
}
