import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/jobs/definitions.js';
import { providerOf } from '../../src/providers/registry.js';
import { blobFile } from '../support/blobs.js';
import { runNow } from '../support/settled-jobs.js';
import { driveScenario } from '../support/sandbox-driver.js';
import { BlobBackup, blobKeysOfProcess, readWithServerKeys } from '../support/shredding.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';
import type { ApiClient } from '../support/api-client.js';

const days = (n: number) => n * 86_400_000;
const videoId = providerOf('signicatvideoid');
const withMedia = videoId.scenarios.find((s) => s.media?.video)!;

/** A dossier whose VideoID process finished in the sandbox, with images, a video and a raw result. */
async function finishedDossier(server: TestServer, api: ApiClient, clientId: string) {
  const driven = await driveScenario(api, videoId, withMedia, videoId.defaultProcessType ?? null);
  const keys = await blobKeysOfProcess(server.app, clientId, driven.processId);
  return { ...driven, keys };
}

describe.each(storeKinds)('retention and crypto-shredding on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_RETENTION_DAYS: '30' }, { worker: true });

  /** A new client whose token is taken again after each move of the clock (tokens expire). */
  async function clientWithClock() {
    const client = await server().newClient();
    let api = client.api;
    return {
      clientId: client.clientId,
      api: () => api,
      async advance(ms: number) {
        server().clock.advance(ms);
        api = api.withToken(await server().token(client.clientId, client.clientSecret));
      },
    };
  }

  const sweep = async () =>
    expect(await runNow(server().app.queue, applyRetention, {})).toMatchObject({ outcome: 'completed' });

  it('deletes a finished dossier 30 days after its final status, and its blob copies no longer open', async () => {
    const { app, env, logs } = server();
    const client = await clientWithClock();
    const done = await finishedDossier(server(), client.api(), client.clientId);
    expect(done.keys.length).toBeGreaterThanOrEqual(3);
    const backup = new BlobBackup(env);
    backup.take(done.keys);
    // Before: the server reads the backed-up blobs, and each is sealed under the dossier's key.
    for (const key of done.keys) await expect(readWithServerKeys(app, key)).resolves.toBeInstanceOf(Buffer);
    const pending = (await client.api().post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
    const created = await client.api().post(`/assure/dossiers/${pending}/processes`, { provider: 'onfido' });
    expect(created.status).toBe(201);

    await client.advance(days(29));
    await sweep();
    expect((await client.api().get(`/assure/dossiers/${done.dossierId}`)).status).toBe(200);

    await client.advance(days(2));
    const linesBefore = logs.length;
    await sweep();
    expect((await client.api().get(`/assure/dossiers/${done.dossierId}`)).status).toBe(404);
    expect((await client.api().get(done.path)).status).toBe(404);
    for (const key of done.keys) expect(existsSync(blobFile(env, key)), key).toBe(false);
    // A dossier whose process is still pending is not due, however old.
    expect((await client.api().get(`/assure/dossiers/${pending}`)).status).toBe(200);

    // The copies from the backup, put back in place: nothing the server has opens them any more.
    backup.restore(done.keys);
    for (const key of done.keys) {
      expect(existsSync(blobFile(env, key))).toBe(true);
      await expect(readWithServerKeys(app, key)).rejects.toThrow(/dossier's key no longer exists/);
    }

    // The deletion is logged with ids and counts only.
    const logged = logs
      .slice(linesBefore)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.msg === 'retention deleted dossiers');
    const mine = logged.find((line) => line.clientId === client.clientId);
    expect(mine).toMatchObject({ days: 30, dossiers: 1, processes: 1, blobs: done.keys.length });
    for (const line of logged) {
      expect(Object.keys(line).filter((field) => !logFields.has(field))).toEqual([]);
    }
    server().clock.set(Date.now());
  });

  it("follows a client's own retention: shorter, never, or back to the server's", async () => {
    const { app } = server();
    const short = await clientWithClock();
    const keeper = await clientWithClock();
    const standard = await clientWithClock();
    expect(await app.clients.setRetention(short.clientId, 3)).toBe(true);
    expect(await app.clients.setRetention(keeper.clientId, 0)).toBe(true);
    expect(await app.clients.setRetention('no-such-client', 3)).toBe(false);
    const dossiers = {
      short: await finishedDossier(server(), short.api(), short.clientId),
      keeper: await finishedDossier(server(), keeper.api(), keeper.clientId),
      standard: await finishedDossier(server(), standard.api(), standard.clientId),
    };
    const status = async (who: Awaited<ReturnType<typeof clientWithClock>>, dossierId: string) =>
      (await who.api().get(`/assure/dossiers/${dossierId}`)).status;

    const moveAll = async (ms: number) => {
      await short.advance(ms);
      for (const who of [keeper, standard]) await who.advance(0);
    };
    await moveAll(days(4));
    await sweep();
    expect(await status(short, dossiers.short.dossierId)).toBe(404);
    expect(await status(standard, dossiers.standard.dossierId)).toBe(200);

    await moveAll(days(40));
    await sweep();
    expect(await status(standard, dossiers.standard.dossierId)).toBe(404);
    expect(await status(keeper, dossiers.keeper.dossierId)).toBe(200);

    // Back to the server's 30 days: the keeper's dossier, 44 days old, goes at the next sweep.
    expect(await app.clients.setRetention(keeper.clientId, null)).toBe(true);
    await sweep();
    expect(await status(keeper, dossiers.keeper.dossierId)).toBe(404);
    await expect(app.clients.setRetention(keeper.clientId, -1)).rejects.toThrow(/whole number of days/);
    server().clock.set(Date.now());
  });

  it('shreds on Delete dossier and on deleting the client: backed-up blobs no longer open', async () => {
    const { app, env } = server();
    const client = await server().newClient();
    const viaApi = await finishedDossier(server(), client.api, client.clientId);
    const viaClient = await finishedDossier(server(), client.api, client.clientId);
    const backup = new BlobBackup(env);
    backup.take([...viaApi.keys, ...viaClient.keys]);

    expect((await client.api.delete(`/assure/dossiers/${viaApi.dossierId}`)).status).toBe(204);
    backup.restore(viaApi.keys);
    for (const key of viaApi.keys)
      await expect(readWithServerKeys(app, key)).rejects.toThrow(/dossier's key no longer exists/);
    // The other dossier's blobs still open: only the deleted dossier's key is gone.
    for (const key of viaClient.keys) await expect(readWithServerKeys(app, key)).resolves.toBeInstanceOf(Buffer);

    expect(await app.clients.delete(client.clientId)).toBe(true);
    backup.restore(viaClient.keys);
    for (const key of viaClient.keys)
      await expect(readWithServerKeys(app, key)).rejects.toThrow(/dossier's key no longer exists/);
  });
});

/** What a retention log line may carry: pino's own fields, the job's, and the sweep's ids and counts. */
const logFields = new Set([
  'level',
  'time',
  'pid',
  'hostname',
  'service',
  'msg',
  'job',
  'jobId',
  'attempt',
  'traceId',
  'clientId',
  'days',
  'dossiers',
  'processes',
  'blobs',
]);
