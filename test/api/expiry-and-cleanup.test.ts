import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/registry.js';
import { expirePendingProcesses } from '../../src/jobs/definitions.js';
import { countBlobFiles } from '../support/blobs.js';
import { jpegDataUrl } from '../support/images.js';
import { runNow } from '../support/settled-jobs.js';
import { driveScenario } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const minutes = (n: number) => n * 60_000;

describe.each(storeKinds)('expiry and clean-up on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_PENDING_EXPIRY_MINUTES: '60' }, { worker: true });

  it('fails a PictureID process 15 minutes after its first image, and others after the pending time', async () => {
    const { clock, app } = server();
    const client = await server().newClient();
    let api = client.api;
    // Moving the clock by hours outlives access tokens: take a new one after each move.
    const advance = async (ms: number) => {
      clock.advance(ms);
      api = api.withToken(await server().token(client.clientId, client.clientSecret));
    };
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const create = async (body: object) =>
      (await api.post(`/assure/dossiers/${dossierId}/processes`, body)).json<{ processId: string }>().processId;
    const path = (id: string) => `/assure/dossiers/${dossierId}/processes/${id}`;
    const read = async (id: string) => (await api.get(path(id))).json<{ status: string; failReason?: unknown }>();
    // A process whose first image came 2 minutes earlier: 16 minutes on, it has expired and the others not.
    const earlier = await create({ provider: 'signicatpictureid', processType: 'document' });
    await api.post(`${path(earlier)}/images`, { front: await jpegDataUrl() });
    await advance(minutes(2));
    const pictureId = await create({ provider: 'signicatpictureid', processType: 'document' });
    const untouched = await create({ provider: 'signicatpictureid', processType: 'document' });
    const onfido = await create({ provider: 'onfido' });
    await api.post(`${path(pictureId)}/images`, { front: await jpegDataUrl() });

    const expire = async () =>
      expect(await runNow(app.queue, expirePendingProcesses, {})).toMatchObject({ outcome: 'completed' });
    await advance(minutes(14));
    await expire();
    expect((await read(earlier)).status).toBe('failed');
    expect((await read(pictureId)).status).toBe('pending');

    await advance(minutes(2));
    await expire();
    expect(await read(pictureId)).toMatchObject({
      status: 'failed',
      failReason: { detail: 'Transaction time expired.' },
    });
    // No image yet: the 15 minutes have not started; nor has the general pending time run out.
    expect((await read(untouched)).status).toBe('pending');
    expect((await read(onfido)).status).toBe('pending');

    await advance(minutes(50));
    await expire();
    expect(await read(onfido)).toMatchObject({ status: 'failed', failReason: { type: 'expired' } });
    expect((await read(untouched)).status).toBe('failed');
    clock.set(Date.now());
  });

  it('fails each expired process once when two sweeps run at the same time, and both runs complete', async () => {
    const { clock, app } = server();
    const client = await server().newClient();
    const { dossierId } = (await client.api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const created = await client.api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' });
      ids.push(created.json<{ processId: string }>().processId);
    }
    clock.advance(minutes(61));
    const runs = await Promise.all([
      runNow(app.queue, expirePendingProcesses, {}),
      runNow(app.queue, expirePendingProcesses, {}),
    ]);
    expect(runs.map((run) => run.outcome)).toEqual(['completed', 'completed']);
    for (const id of ids) {
      const events = await app.store.repos.processEvents.listByProcess(id);
      expect(events.map((event) => event.status)).toEqual(['failed']);
    }
    clock.set(Date.now());
  });

  it('deletes the raw results, start inputs and media of deleted processes and dossiers', async () => {
    const { api, env } = server();
    const before = countBlobFiles(env.dataDir);
    const readid = providers.find((p) => p.name === 'readid')!;
    const facetec = providers.find((p) => p.name === 'facetec')!;
    const session = await driveScenario(api, readid, readid.scenarios[0]!, 'sdk');
    const face = await driveScenario(api, facetec, facetec.scenarios[0]!, null);
    expect(countBlobFiles(env.dataDir)).toBeGreaterThan(before + 3);
    expect((await api.delete(session.path)).status).toBe(204);
    expect((await api.delete(`/assure/dossiers/${face.dossierId}`)).status).toBe(204);
    await api.delete(`/assure/dossiers/${session.dossierId}`);
    expect(countBlobFiles(env.dataDir)).toBe(before);
  });
});
