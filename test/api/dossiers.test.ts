import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('dossiers on %s', (kind) => {
  const server = useTestServer(kind);

  it('creates a dossier with an external reference and reads it back with its processes', async () => {
    const { api } = server();
    const created = await api.post('/assure/dossiers', { externalReference: 'customer-42' });
    expect(created.status).toBe(201);
    const dossier = created.json<{
      dossierId: string;
      externalReference: string;
      createdAt: string;
      updatedAt: string;
    }>();
    expect(dossier.externalReference).toBe('customer-42');
    expect(dossier.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    await api.post(`/assure/dossiers/${dossier.dossierId}/processes`, { provider: 'onfido' });
    const read = await api.get(`/assure/dossiers/${dossier.dossierId}`);
    expect(read.status).toBe(200);
    const body = read.json<{
      dossierId: string;
      processes: { provider: string; status: string; processType: string }[];
    }>();
    expect(body.dossierId).toBe(dossier.dossierId);
    expect(body.processes).toEqual([
      expect.objectContaining({ provider: 'onfido', status: 'pending', processType: 'documentSelfie' }),
    ]);
  });

  it('creates a dossier from an empty POST, with or without a JSON content type', async () => {
    const { api } = server();
    const bare = await api.request('POST', '/assure/dossiers');
    expect(bare.status).toBe(201);
    expect(bare.json()).not.toHaveProperty('externalReference');
    const emptyJson = await api.request('POST', '/assure/dossiers', {
      headers: { 'content-type': 'application/json' },
    });
    expect(emptyJson.status).toBe(201);
  });

  it('lists the newest 100 dossiers, newest first', async () => {
    const { api: fresh } = await server().newClient();
    const { clock } = server();
    const ids: string[] = [];
    for (let i = 0; i < 103; i++) {
      clock.advance(1000);
      const response = await fresh.post('/assure/dossiers', { externalReference: `r${i}` });
      ids.push(response.json<{ dossierId: string }>().dossierId);
    }
    const list = (await fresh.get('/assure/dossiers')).json<{ dossierId: string }[]>();
    expect(list).toHaveLength(100);
    expect(list.map((d) => d.dossierId)).toEqual(ids.slice(3).reverse());
  });

  it('hides dossiers of other clients: 404 for them, never listed', async () => {
    const { api, other } = server();
    const mine = (await api.post('/assure/dossiers', { externalReference: 'mine' })).json<{ dossierId: string }>();
    const path = `/assure/dossiers/${mine.dossierId}`;
    expect((await other.get(path)).status).toBe(404);
    expect((await other.delete(path)).status).toBe(404);
    expect((await other.get(`${path}/userdata`)).status).toBe(404);
    expect((await other.post(`${path}/processes`, { provider: 'onfido' })).status).toBe(404);
    const theirs = (await other.get('/assure/dossiers')).json<{ dossierId: string }[]>();
    expect(theirs.map((d) => d.dossierId)).not.toContain(mine.dossierId);
    await other.delete('/assure/dossiers/all');
    expect((await api.get(path)).status).toBe(200);
  });

  it('deletes a dossier with its user data, files and processes', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const process = (await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'facetec' })).json<{
      processId: string;
    }>();
    await api.post(`/assure/dossiers/${dossierId}/userdata`, { userData: { firstName: 'Ana' } });
    const deleted = await api.delete(`/assure/dossiers/${dossierId}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body.length).toBe(0);
    expect((await api.get(`/assure/dossiers/${dossierId}`)).status).toBe(404);
    expect((await api.get(`/assure/dossiers/${dossierId}/processes/${process.processId}`)).status).toBe(404);
    expect((await api.delete(`/assure/dossiers/${dossierId}`)).status).toBe(404);
  });

  it('deletes every dossier of the calling client only', async () => {
    const { api: a } = await server().newClient();
    const { api: b } = await server().newClient();
    await a.post('/assure/dossiers', {});
    await a.post('/assure/dossiers', {});
    const kept = (await b.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    expect((await a.delete('/assure/dossiers/all')).status).toBe(204);
    expect((await a.get('/assure/dossiers')).json()).toEqual([]);
    expect((await b.get(`/assure/dossiers/${kept.dossierId}`)).status).toBe(200);
  });

  it('answers an unknown dossier with the upstream 404 body', async () => {
    const response = await server().api.get('/assure/dossiers/4b3e9a4e-0000-4000-8000-000000000000');
    expect(response.status).toBe(404);
    expect(response.json()).toMatchObject({
      instance: '/assure/dossiers/4b3e9a4e-0000-4000-8000-000000000000',
      method: 'GET',
      status: 404,
      type: 'base:client-problem',
      title: 'Not Found',
      detail: 'Dossier not found.',
    });
    expect(response.json<{ traceId: string }>().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('refuses an externalReference longer than 256 characters, naming the field', async () => {
    const response = await server().api.post('/assure/dossiers', { externalReference: 'x'.repeat(257) });
    expect(response.status).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain('externalReference');
  });
});
