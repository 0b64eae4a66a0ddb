import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import S3rver from 's3rver';
import { describe, expect, it } from 'vitest';
import { startS3Server } from '../support/s3-server.js';
import { adminPostgresUrl } from '../support/stores.js';
import { databaseKinds } from '../support/store-kinds.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

async function readiness(server: TestServer): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.baseUrl}/readyz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Liveness stays 200 whatever happens to the parts: an orchestrator must not restart a node for it. */
async function expectAlive(server: TestServer): Promise<void> {
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
}

describe('readiness', () => {
  it('is not ready while the blob directory cannot be written, and ready again once it can', async () => {
    const server = await startTestServer('sqlite');
    try {
      expect(await readiness(server)).toEqual({ status: 200, body: { status: 'ready' } });
      const blobDir = path.join(server.env.dataDir, 'blobs');
      const aside = `${blobDir}.aside`;
      renameSync(blobDir, aside);
      // A file where the directory was: nothing can be written below it, not even by root.
      writeFileSync(blobDir, 'not a directory');
      try {
        const down = await readiness(server);
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({
          status: 503,
          title: 'Service Unavailable',
          type: 'base:server-problem',
          instance: '/readyz',
          detail: 'Not ready: the blob store does not answer.',
        });
        expect(down.body.traceId).toEqual(expect.any(String));
        await expectAlive(server);
      } finally {
        rmSync(blobDir);
        renameSync(aside, blobDir);
      }
      expect((await readiness(server)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('is not ready while the S3 endpoint is down, and ready again when it is back', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'openassure-readyz-s3-'));
    const s3 = await startS3Server(directory);
    const server = await startTestServer('sqlite', s3.env);
    try {
      expect((await readiness(server)).status).toBe(200);
      await s3.close();
      const down = await readiness(server);
      expect(down.status).toBe(503);
      expect(down.body.detail).toBe('Not ready: the blob store does not answer.');
      await expectAlive(server);
      const again = new S3rver({
        address: '127.0.0.1',
        port: Number(new URL(s3.endpoint).port),
        directory,
        silent: true,
        configureBuckets: [{ name: s3.bucket, configs: [] }],
      });
      await again.run();
      try {
        expect((await readiness(server)).status).toBe(200);
      } finally {
        await again.close();
      }
    } finally {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it.runIf(databaseKinds.includes('postgres'))(
    'is not ready while PostgreSQL refuses the database (database and queue), and recovers without a restart',
    async () => {
      const server = await startTestServer('postgres');
      const name = new URL(server.env.env.DATABASE_URL!).pathname.slice(1);
      const admin = new pg.Client({ connectionString: adminPostgresUrl });
      await admin.connect();
      try {
        expect((await readiness(server)).status).toBe(200);
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
        const down = await readiness(server);
        expect(down.status).toBe(503);
        expect(down.body).toMatchObject({ status: 503, type: 'base:server-problem' });
        expect(down.body.detail).toMatch(/the database/);
        expect(down.body.detail).toMatch(/the queue/);
        await expectAlive(server);
        await admin.query(`alter database ${name} allow_connections true`);
        expect((await readiness(server)).status).toBe(200);
      } finally {
        await admin.query(`alter database ${name} allow_connections true`).catch(() => undefined);
        await admin.end();
        await server.close();
      }
    },
  );
});
