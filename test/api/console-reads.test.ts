import { describe, expect, it } from 'vitest';
import { providerOf } from '../../src/providers/registry.js';
import { signInOperator } from '../support/console-client.js';
import { driveScenario } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

interface Listed {
  processId: string;
  dossierId: string;
  clientId: string;
  clientName: string;
  status: string;
  externalReference: string | null;
}

describe.each(storeKinds)('console reads on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });

  it('shows a process as the client sees it, with its images, video, timeline and zip', async () => {
    const { api } = server();
    const definition = providerOf('signicatvideoid');
    const scenario = definition.scenarios.find((s) => s.media?.video)!;
    const driven = await driveScenario(api, definition, scenario, definition.defaultProcessType ?? null);
    const viewer = await signInOperator(server(), { role: 'viewer' });

    const detail = await viewer.get(`/processes/${driven.processId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.headers.get('cache-control')).toBe('no-store');
    const body = detail.json<{
      process: unknown;
      dossierId: string;
      clientName: string;
      timeline: { kind: string; status?: string }[];
      images: { depiction: string; url: string; width: number; height: number; findings: object }[];
      video: { url: string } | null;
      zipUrl: string;
    }>();
    // The very body the client's Get process answers with.
    expect(body.process).toEqual((await api.get(driven.path)).json());
    expect(body.dossierId).toBe(driven.dossierId);
    expect(body.timeline.filter((t) => t.kind === 'status').map((t) => t.status)).toContain(driven.body.status);
    expect(body.images.length).toBeGreaterThan(0);
    for (const image of body.images) {
      expect(image.width).toBeGreaterThan(0);
      // Sandbox processes have no engine output: no findings are made up.
      expect(image.findings).toEqual({});
      const bytes = await viewer.get(image.url.replace('/console/api', ''));
      expect(bytes.status).toBe(200);
      expect(bytes.headers.get('cache-control')).toBe('no-store');
      // What the client can fetch itself is the same bytes (some stored depictions have no client endpoint).
      const client = await api.get(`${driven.path}/images/${image.depiction}`);
      if (client.status === 200) expect(bytes.body.equals(client.body), image.depiction).toBe(true);
      else expect(bytes.body.length).toBeGreaterThan(0);
    }
    const video = await viewer.get(body.video!.url.replace('/console/api', ''));
    expect(video.body.equals((await api.get(`${driven.path}/video`)).body)).toBe(true);
    const zip = await viewer.get(body.zipUrl.replace('/console/api', ''));
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.body.subarray(0, 2).toString()).toBe('PK');

    const views = await server().app.store.repos.auditLog.list({ action: 'process.view', operator: viewer.email }, 10);
    expect(views.map((v) => v.target)).toEqual([driven.processId]);
  });

  it('searches by identifiers exactly, filters, and pages newest first', async () => {
    const { api, clock } = server();
    const external = `ref-${Date.now()}`;
    const { dossierId } = (await api.post('/assure/dossiers', { externalReference: external })).json<{
      dossierId: string;
    }>();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'signicatpaper',
        documentType: 'passport',
        documentCountry: 'NLD',
      });
      expect(created.status, created.text()).toBe(201);
      ids.push(created.json<{ processId: string }>().processId);
    }
    const viewer = await signInOperator(server(), { role: 'viewer' });
    for (const q of [ids[1]!, dossierId, external]) {
      const found = (await viewer.get(`/processes?q=${encodeURIComponent(q)}`)).json<{ items: Listed[] }>().items;
      expect(found.length, q).toBeGreaterThan(0);
      expect(
        found.every((p) => p.dossierId === dossierId),
        q,
      ).toBe(true);
    }
    expect(
      (await viewer.get(`/processes?q=${ids[1]!}`)).json<{ items: Listed[] }>().items.map((p) => p.processId),
    ).toEqual([ids[1]]);
    expect((await viewer.get(`/processes?q=${external.slice(0, -1)}`)).json<{ items: Listed[] }>().items).toEqual([]);

    const first = (await viewer.get(`/processes?q=${dossierId}&limit=2`)).json<{
      items: Listed[];
      nextCursor: string;
    }>();
    expect(first.items.map((p) => p.processId)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({
      externalReference: external,
      status: 'pending',
      clientName: 'test-sandbox',
    });
    const second = (await viewer.get(`/processes?q=${dossierId}&limit=2&cursor=${first.nextCursor}`)).json<{
      items: Listed[];
      nextCursor: string | null;
    }>();
    expect(second.items.map((p) => p.processId)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await viewer.get(`/processes?q=${dossierId}&status=accepted`)).json<{ items: Listed[] }>().items).toEqual(
      [],
    );
    expect((await viewer.get('/processes?limit=101')).status).toBe(400);
    expect((await viewer.get('/processes?cursor=nonsense')).status).toBe(400);

    const dossier = await viewer.get(`/dossiers/${dossierId}`);
    expect(dossier.json()).toMatchObject({ dossierId, externalReference: external });
    expect(dossier.json<{ processes: Listed[] }>().processes).toHaveLength(3);

    const overview = await viewer.get('/overview?days=30');
    expect(overview.status, overview.text).toBe(200);
    const counts = overview.json<{ perDay: { provider: string; status: string; count: number }[] }>().perDay;
    expect(
      counts.filter((c) => c.provider === 'signicatpaper' && c.status === 'pending').reduce((s, c) => s + c.count, 0),
    ).toBeGreaterThanOrEqual(3);
  });

  it("keeps an operator limited to some clients out of the others' data (404, as if absent)", async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatpaper',
      documentType: 'passport',
      documentCountry: 'NLD',
    });
    const { processId } = created.json<{ processId: string }>();
    const other = await server().newClient();
    const limited = await signInOperator(server(), { role: 'admin', clients: [other.clientId] });
    expect((await limited.get(`/processes?q=${processId}`)).json<{ items: Listed[] }>().items).toEqual([]);
    expect(
      (await limited.get('/processes')).json<{ items: Listed[] }>().items.every((p) => p.clientId === other.clientId),
    ).toBe(true);
    for (const path of [
      `/processes/${processId}`,
      `/dossiers/${dossierId}`,
      `/processes/${processId}/zip`,
      `/processes/${processId}/images/front`,
    ]) {
      expect((await limited.get(path)).status, path).toBe(404);
    }
    const everyone = await signInOperator(server(), { role: 'viewer' });
    expect((await everyone.get(`/processes/${processId}`)).status).toBe(200);
  });
});
