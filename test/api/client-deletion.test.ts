import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAssure, type OpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { ApiClient } from '../support/api-client.js';
import { TestClock } from '../support/clock.js';
import { storeKinds } from '../support/store-kinds.js';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';

interface Node {
  app: OpenAssure;
  baseUrl: string;
}

/** Two OpenAssure instances on one database, as two nodes behind a load balancer are. */
describe.each(storeKinds)('a deleted client on two nodes on %s', (kind) => {
  let env: TestEnvironment;
  const clock = new TestClock();
  const nodes: Node[] = [];
  const node = (index: number) => nodes[index]!;

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    const config = loadConfig({ ...env.env, OPENASSURE_PUBLIC_URL: 'http://127.0.0.1' });
    for (let i = 0; i < 2; i++) {
      const app = await createOpenAssure(config, { clock, logger: createLogger('warn', { write: () => {} }) });
      await app.http.listen({ host: '127.0.0.1', port: 0 });
      const address = app.http.server.address();
      if (typeof address !== 'object' || !address) throw new Error('no address');
      nodes.push({ app, baseUrl: `http://127.0.0.1:${address.port}` });
    }
  });
  afterAll(async () => {
    for (const { app } of nodes) await app.close();
    await env?.cleanup();
  });

  /** A new client with a token, already used once on every node (so each node remembers both). */
  async function clientSeenByBothNodes(): Promise<{
    clientId: string;
    on: (index: number) => ApiClient;
    dossierId: string;
  }> {
    const { clientId, clientSecret } = await node(0).app.clients.create('to-be-deleted', 'sandbox');
    const response = await fetch(`${node(0).baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const on = (index: number) => new ApiClient(node(index).baseUrl, token, undefined);
    const created = await on(0).post('/assure/dossiers', {});
    expect(created.status).toBe(201);
    const { dossierId } = created.json<{ dossierId: string }>();
    for (const index of [0, 1]) expect((await on(index).get(`/assure/dossiers/${dossierId}`)).status).toBe(200);
    return { clientId, on, dossierId };
  }

  const expectUnknownClient = (response: { status: number; json<T>(): T }) => {
    expect(response.status).toBe(401);
    expect(response.json<{ title: string; type: string }>()).toMatchObject({
      title: 'The client of this token does not exist.',
      type: 'base:client-problem',
    });
  };

  it('is refused at once, for reads and writes, by the node that deleted it', async () => {
    const { clientId, on, dossierId } = await clientSeenByBothNodes();
    expect(await node(0).app.clients.delete(clientId)).toBe(true);
    expectUnknownClient(await on(0).get('/assure/dossiers'));
    expectUnknownClient(await on(0).get(`/assure/dossiers/${dossierId}`));
    expectUnknownClient(await on(0).post('/assure/dossiers', {}));
  });

  it('is refused at once for writes by every other node, and for reads once their few seconds of memory lapse', async () => {
    const { clientId, on, dossierId } = await clientSeenByBothNodes();
    await node(0).app.clients.delete(clientId);
    expectUnknownClient(await on(1).post('/assure/dossiers', {}));
    expectUnknownClient(await on(1).post('/assure/webhooks', { url: 'https://hooks.example.com/' }));
    expectUnknownClient(await on(1).post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' }));
    expectUnknownClient(await on(1).delete(`/assure/dossiers/${dossierId}`));
    // A read in the other node's short memory finds nothing: the client's data went with it.
    expect([401, 404]).toContain((await on(1).get(`/assure/dossiers/${dossierId}`)).status);
    clock.advance(5_001);
    expectUnknownClient(await on(1).get('/assure/dossiers'));
  });

  it('answers 401, not 500, when the client is deleted between the check and the write', async () => {
    const { clientId, on } = await clientSeenByBothNodes();
    // Another node's deletion holds its transaction open while node 1 checks the client (still there
    // for it) and inserts a dossier (which waits for the deletion and then finds no client row).
    const deletion = await holdClientDeletion(kind, env, clientId);
    const write = on(1).post('/assure/dossiers', {});
    await deletion.waitUntilBlocking();
    await deletion.commit();
    expectUnknownClient(await write);
    expectUnknownClient(await on(1).get('/assure/dossiers'));
  });
});

interface HeldDeletion {
  /** Resolves once a writer is waiting for the deletion's lock (or after a moment, where that cannot be seen). */
  waitUntilBlocking(): Promise<void>;
  commit(): Promise<void>;
}

/** Deletes a client's rows in a transaction of its own connection, and commits only when told. */
async function holdClientDeletion(kind: string, env: TestEnvironment, clientId: string): Promise<HeldDeletion> {
  const statements = ['DELETE FROM dossiers WHERE client_id = $1', 'DELETE FROM clients WHERE id = $1'];
  if (kind !== 'sqlite') {
    const client = new pg.Client({ connectionString: env.env.DATABASE_URL });
    await client.connect();
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement, [clientId]);
    return {
      async waitUntilBlocking() {
        for (let i = 0; i < 100; i++) {
          const { rows } = await client.query<{ waiting: string }>(
            "SELECT count(*) AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
          );
          if (Number(rows[0]!.waiting) > 0) return;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('No writer waited for the deletion.');
      },
      async commit() {
        await client.query('COMMIT');
        await client.end();
      },
    };
  }
  // better-sqlite3 waits for a lock synchronously, blocking this thread's event loop: the deletion
  // runs in a worker thread of its own, which commits a moment after the writer started waiting.
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.module);
    const db = new Database(workerData.file);
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN IMMEDIATE');
    for (const statement of workerData.statements) db.prepare(statement.replace('$1', '?')).run(workerData.clientId);
    parentPort.postMessage('held');
    parentPort.once('message', () => setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('committed'); }, 300));
    `,
    {
      eval: true,
      workerData: {
        module: createRequire(import.meta.url).resolve('better-sqlite3'),
        file: path.join(env.dataDir, 'openassure.sqlite'),
        statements,
        clientId,
      },
    },
  );
  const next = () =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  await next();
  let committed: Promise<void> | undefined;
  return {
    async waitUntilBlocking() {
      committed = next();
      worker.postMessage('commit');
    },
    async commit() {
      await committed;
      await worker.terminate();
    },
  };
}
