import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Store } from '../../src/store/store.js';
import { startS3Server } from './s3-server.js';

/**
 * The stores every store-dependent suite runs against. PostgreSQL tests use a real server (by default
 * 127.0.0.1:5432, user postgres) and a fresh database per suite; without a reachable server they are
 * skipped with the reason printed, unless OPENASSURE_REQUIRE_POSTGRES=1 turns that into a failure.
 * `postgres+s3` is PostgreSQL with the blobs in S3 (a real S3-protocol server started on loopback for
 * the suite); the others keep blobs on disk.
 */
export type StoreKind = 'sqlite' | 'postgres' | 'postgres+s3';
export type DatabaseKind = 'sqlite' | 'postgres';

export const databaseOf = (kind: StoreKind): DatabaseKind => (kind === 'sqlite' ? 'sqlite' : 'postgres');
export const blobStoreOf = (kind: StoreKind): 'disk' | 's3' => (kind === 'postgres+s3' ? 's3' : 'disk');

export const adminPostgresUrl =
  process.env.OPENASSURE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const requirePostgres = process.env.OPENASSURE_REQUIRE_POSTGRES === '1';

let postgresProbe: Promise<string | undefined> | undefined;

/** Undefined when PostgreSQL is usable, otherwise why not. */
export function postgresUnavailableReason(): Promise<string | undefined> {
  postgresProbe ??= (async () => {
    const client = new pg.Client({ connectionString: adminPostgresUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (error) {
      return `PostgreSQL at ${adminPostgresUrl.replace(/\/\/[^@]*@/, '//')} is not reachable (${(error as Error).message})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return postgresProbe;
}

/** Store kinds to run now; prints why PostgreSQL is skipped, or throws if it is required. */
export async function availableStores(): Promise<StoreKind[]> {
  const reason = await postgresUnavailableReason();
  if (reason === undefined) return ['sqlite', 'postgres', 'postgres+s3'];
  if (requirePostgres) throw new Error(`OPENASSURE_REQUIRE_POSTGRES=1 but ${reason}.`);
  console.warn(`Skipping the PostgreSQL runs: ${reason}. Set OPENASSURE_REQUIRE_POSTGRES=1 to make this an error.`);
  return ['sqlite'];
}

export interface TestEnvironment {
  kind: StoreKind;
  dataDir: string;
  /** For S3: the bucket, whose objects s3rver keeps under `<dataDir>/blobs/<bucket>/`. */
  s3Bucket?: string;
  /** Environment variables for loadConfig (and for spawned CLI processes). */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

/** A fresh data directory, for PostgreSQL a fresh database, and for S3 a fresh server, for one suite. */
export async function createTestEnvironment(kind: StoreKind): Promise<TestEnvironment> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `openassure-${kind.replace('+', '-')}-`));
  const env: Record<string, string> = {
    OPENASSURE_DATA_DIR: dataDir,
    OPENASSURE_BLOB_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
  };
  let dropDatabase = async () => {};
  let stopS3 = async () => {};
  let s3Bucket: string | undefined;
  if (blobStoreOf(kind) === 's3') {
    // Where the disk store would keep them, so tests that look at what lies at rest find them.
    const s3 = await startS3Server(path.join(dataDir, 'blobs'));
    Object.assign(env, s3.env);
    s3Bucket = s3.bucket;
    stopS3 = s3.close;
  }
  if (databaseOf(kind) === 'postgres') {
    const name = `openassure_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminPostgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminPostgresUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: adminPostgresUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  return {
    kind,
    dataDir,
    ...(s3Bucket !== undefined && { s3Bucket }),
    env,
    async cleanup() {
      await dropDatabase();
      await stopS3();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A sandbox client row, which repository tests need before the rows that belong to a client. */
export function insertTestClient(store: Store, id: string): Promise<void> {
  return store.repos.clients.insert({
    id,
    name: id,
    secretHash: 'x',
    environment: 'sandbox',
    createdAt: 1,
    updatedAt: 1,
  });
}
