import type { ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Store } from '../../src/store/store.js';
import { startUntil, stop } from '../cli/run-cli.js';
import { startPassportVerification } from '../support/started-verification.js';
import { createTestEnvironment, postgresUnavailableReason, type TestEnvironment } from '../support/stores.js';

const clientId = 'heartbeat-client';
const clientSecret = 'heartbeat-secret-0123456789';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await pause(200);
    value = await read();
  }
  return value;
}

const verifyJob = async (store: Store, processId: string) =>
  (
    await sql<{ state: string; retry_count: number }>`select state, retry_count from pgboss.job
      where name = 'verify-process' and data->>'processId' = ${processId}`.execute(store.db)
  ).rows[0];

// With the default 120 s verification timeout and the default 5 s heartbeat, a SIGKILLed worker's
// verification runs again within 30 s; a live worker's verification that takes longer than the
// heartbeat's dead-after time (15 s) is not taken from it.
describe.skipIf(await postgresUnavailableReason())('worker heartbeats on PostgreSQL', () => {
  let env: TestEnvironment;
  let server: ChildProcess | undefined;
  let store: Store;
  let baseUrl = '';
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment('postgres');
    Object.assign(env.env, {
      OPENASSURE_BOOTSTRAP_CLIENT_ID: clientId,
      OPENASSURE_BOOTSTRAP_CLIENT_SECRET: clientSecret,
      LOG_LEVEL: 'warn',
    });
    const started = await startUntil(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'serve'],
      { ...env.env, PORT: '0', HOST: '127.0.0.1', OPENASSURE_WORKER_IN_SERVE: 'false' },
      /listening on (http:\/\/\S+)/,
    );
    server = started.child;
    baseUrl = started.match[1]!;
    store = await openStore(loadConfig(env.env));
  }, 90_000);
  afterAll(async () => {
    await Promise.all(workers.map((child) => stop(child)));
    if (server) await stop(server);
    await store?.close();
    await env.cleanup();
  });

  const startWorker = async (delayMs: number) => {
    const { child } = await startUntil(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', 'worker'],
      { ...env.env, OPENASSURE_SANDBOX_DELAY_MS: String(delayMs) },
      /worker started/,
    );
    workers.push(child);
    return child;
  };

  /** A sandbox passport process through the API, started: its verify job is queued. */
  const startProcess = async () => {
    const tokenResponse = await fetch(`${baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const { processId, started, status } = await startPassportVerification(baseUrl, access_token);
    expect(started).toBe('processing');
    return { processId, status };
  };

  it('runs a killed worker’s verification again within 30 s', async () => {
    const doomed = await startWorker(600_000);
    const { processId, status } = await startProcess();
    expect(
      (
        await pollUntil(
          () => verifyJob(store, processId),
          (job) => job?.state === 'active',
        )
      )?.state,
    ).toBe('active');
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    workers.splice(workers.indexOf(doomed), 1);
    const killedAt = Date.now();
    await startWorker(0);
    expect(await pollUntil(status, (value) => value !== 'processing', 45_000)).toBe('accepted');
    const resumedWithin = Date.now() - killedAt;
    expect(resumedWithin).toBeLessThan(30_000);
    const events = await store.repos.processEvents.listByProcess(processId);
    expect(events.map((event) => event.status)).toEqual(['processing', 'accepted']);
    expect(Number((await verifyJob(store, processId))?.retry_count)).toBe(1);
  }, 120_000);

  it('leaves a live worker’s long verification alone while another worker is idle', async () => {
    // Both workers now running take 20 s per sandbox result: longer than the 15 s a silent job is given.
    await Promise.all(workers.splice(0).map((child) => stop(child)));
    await Promise.all([startWorker(20_000), startWorker(20_000)]);
    const { processId, status } = await startProcess();
    expect(await pollUntil(status, (value) => value !== 'processing', 60_000)).toBe('accepted');
    expect(Number((await verifyJob(store, processId))?.retry_count)).toBe(0);
    const events = await store.repos.processEvents.listByProcess(processId);
    expect(events.map((event) => event.status)).toEqual(['processing', 'accepted']);
  }, 120_000);
});
