import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDatabase, databaseExists, databaseUrl, dropDatabase } from './postgres.js';

export type StoreKind = 'sqlite' | 'postgres';

export interface BenchStore {
  kind: StoreKind;
  dataDir: string;
  /** PostgreSQL only. */
  databaseName?: string;
  /** Environment for loadConfig: the data dir, and the database URL for PostgreSQL. */
  env: Record<string, string>;
  /** True when a kept store from an earlier run was found and is being used again. */
  reused: boolean;
  /** Removes the data dir and drops the database, unless the store is kept. */
  cleanup(): Promise<void>;
}

export interface StoreOptions {
  /** Names the data dir and database, e.g. "list-1000000". */
  label: string;
  /** Keep the store under .bench-data/ and a fixed database name, and reuse it next time. */
  keep?: boolean;
  /** With keep: the store is reused only if the data dir holds this file (written once it is complete). */
  completeMarker?: string;
}

/** A fresh data dir (and a fresh PostgreSQL database) for one benchmark run, or a kept one. */
export async function openBenchStore(kind: StoreKind, options: StoreOptions): Promise<BenchStore> {
  const dbLabel = options.label.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  if (!options.keep) {
    const dataDir = mkdtempSync(path.join(tmpdir(), `openassure-bench-${options.label}-${kind}-`));
    const databaseName = `openassure_bench_${dbLabel}_${randomBytes(4).toString('hex')}`;
    if (kind === 'postgres') await createDatabase(databaseName);
    const remove = async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (kind === 'postgres') await dropDatabase(databaseName);
    };
    const forget = removeOnInterrupt(remove);
    return store(kind, dataDir, kind === 'postgres' ? databaseName : undefined, false, async () => {
      forget();
      await remove();
    });
  }

  const dataDir = path.resolve('.bench-data', `${options.label}-${kind}`);
  const databaseName = `openassure_bench_${dbLabel}`;
  const complete = options.completeMarker !== undefined && existsSync(path.join(dataDir, options.completeMarker));
  const reused = complete && (kind === 'sqlite' || (await databaseExists(databaseName)));
  if (!reused) {
    // Whatever an interrupted earlier run left is incomplete: start over.
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') {
      await dropDatabase(databaseName);
      await createDatabase(databaseName);
    }
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return store(kind, dataDir, kind === 'postgres' ? databaseName : undefined, reused, async () => {});
}

const onInterrupt = new Set<() => Promise<void>>();

/** Ctrl-C skips `finally` blocks: without this, a million-row database would be left behind. */
function removeOnInterrupt(remove: () => Promise<void>): () => void {
  if (onInterrupt.size === 0) {
    process.once('SIGINT', () => {
      // Dropping the database cuts the connections still open on it: their errors are expected now.
      process.on('uncaughtException', () => {});
      void Promise.allSettled([...onInterrupt].map((run) => run())).then(() => process.exit(130));
    });
  }
  onInterrupt.add(remove);
  return () => onInterrupt.delete(remove);
}

function store(
  kind: StoreKind,
  dataDir: string,
  databaseName: string | undefined,
  reused: boolean,
  cleanup: () => Promise<void>,
): BenchStore {
  const env: Record<string, string> = { OPENASSURE_DATA_DIR: dataDir };
  if (databaseName !== undefined) env.DATABASE_URL = databaseUrl(databaseName);
  return { kind, dataDir, ...(databaseName !== undefined && { databaseName }), env, reused, cleanup };
}
