import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/store/store.js';
import { startPassportVerification } from '../support/started-verification.js';
import { storeKinds } from '../support/store-kinds.js';
import { createTestEnvironment, type StoreKind, type TestEnvironment } from '../support/stores.js';
import { startUntil, stop } from './run-cli.js';

const clientId = 'worker-kill-client';
const clientSecret = 'worker-kill-secret-0123456789';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` every 250 ms until `done` holds or 60 s have passed, and returns the last value. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await pause(250);
    value = await read();
  }
  return value;
}

/** The verify job's state in the queue's own table: `active` once a worker has claimed it. */
async function verifyJobState(kind: StoreKind, store: Store): Promise<string | undefined> {
  const query =
    kind === 'sqlite'
      ? sql<{ state: string }>`select status as state from openassure_jobs where name = 'verify-process'`
      : sql<{ state: string }>`select state from pgboss.job where name = 'verify-process'`;
  return (await query.execute(store.db)).rows[0]?.state;
}

async function token(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/open/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

// A worker killed with SIGKILL in the middle of a verification loses nothing: after its lease or
// pg-boss expiry runs out, another worker runs the job again, and the process gets one final status.
describe.each(storeKinds)(
  'a worker killed mid-job on %s',
  (kind) => {
    let env: TestEnvironment;
    let server: ChildProcess | undefined;
    let baseUrl = '';
    beforeAll(async () => {
      env = await createTestEnvironment(kind);
      Object.assign(env.env, {
        OPENASSURE_BOOTSTRAP_CLIENT_ID: clientId,
        OPENASSURE_BOOTSTRAP_CLIENT_SECRET: clientSecret,
        OPENASSURE_VERIFY_TIMEOUT_SECONDS: '3',
        OPENASSURE_QUEUE_MAINTENANCE_SECONDS: '1',
      });
      const started = await startUntil(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts', 'serve'],
        { ...env.env, PORT: '0', HOST: '127.0.0.1', OPENASSURE_WORKER_IN_SERVE: 'false' },
        /listening on (http:\/\/\S+)/,
      );
      server = started.child;
      baseUrl = started.match[1]!;
    });
    afterAll(async () => {
      if (server) await stop(server);
      await env.cleanup();
    });

    const startWorker = (delayMs: number) =>
      startUntil(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts', 'worker'],
        { ...env.env, OPENASSURE_SANDBOX_DELAY_MS: String(delayMs) },
        /worker started/,
      );

    it('finishes the job in another worker, with exactly one final status', async () => {
      const { processId, started, status } = await startPassportVerification(baseUrl, await token(baseUrl));
      expect(started).toBe('processing');

      const store = await openStore(loadConfig(env.env));
      try {
        // The first worker takes the job, then dies in the middle of it (its sandbox result takes 60 s).
        const doomed = await startWorker(60_000);
        expect(
          await pollUntil(
            () => verifyJobState(kind, store),
            (state) => state === 'active',
          ),
        ).toBe('active');
        doomed.child.kill('SIGKILL');
        await new Promise((resolve) => doomed.child.once('exit', resolve));
        const read = async () => ({ status: await status() });
        expect((await read()).status).toBe('processing');

        const rescuer = await startWorker(0);
        try {
          const { status } = await pollUntil(read, (body) => body.status !== 'processing');
          expect(status).toBe('accepted');
        } finally {
          await stop(rescuer.child);
        }

        const events = await store.repos.processEvents.listByProcess(processId);
        expect(events.map((e) => e.status)).toEqual(['processing', 'accepted']);
        // The job really ran twice: the dead worker had claimed it.
        const attempts =
          kind === 'sqlite'
            ? (
                await sql<{
                  attempts: number;
                }>`select attempts from openassure_jobs where name = 'verify-process'`.execute(store.db)
              ).rows[0]?.attempts
            : (
                await sql<{
                  attempts: number;
                }>`select retry_count + 1 as attempts from pgboss.job where name = 'verify-process'`.execute(store.db)
              ).rows[0]?.attempts;
        expect(Number(attempts)).toBeGreaterThanOrEqual(2);
      } finally {
        await store.close();
      }
    });
  },
  120_000,
);
