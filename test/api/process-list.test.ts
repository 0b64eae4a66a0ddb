import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { jpegDataUrl } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

interface Listed {
  processId: string;
  status: string;
  createdAt: string;
  dossier: { dossierId: string; externalReference?: string };
}

interface Seeded {
  processId: string;
  dossierId: string;
  createdAtMs: number;
  status: string;
}

const hour = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(storeKinds)('the process list on %s', (kind) => {
  const server = useTestServer(kind);
  // Processes spread over five hours, some sharing a millisecond, with several statuses.
  const base = Date.UTC(2026, 5, 1, 8, 0, 0);
  let seeded: Seeded[] = [];
  let api: ApiClient;

  async function seed(): Promise<void> {
    const { clock } = server();
    api = (await server().newClient()).api;
    const next = random(7);
    const dossiers = [];
    for (let i = 0; i < 6; i++)
      dossiers.push(
        (await api.post('/assure/dossiers', { externalReference: `d${i}` })).json<{ dossierId: string }>().dossierId,
      );
    seeded = [];
    const image = await jpegDataUrl();
    for (let i = 0; i < 70; i++) {
      const offset = i < 6 ? hour * 2 : Math.floor(next() * 5 * hour); // six at the same instant, on a bucket edge
      clock.set(base + offset);
      const dossierId = dossiers[i % dossiers.length]!;
      const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'onfido',
        processType: 'document',
        documentType: 'passport',
      });
      const { processId } = created.json<{ processId: string }>();
      const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
      let status = 'pending';
      const roll = next();
      if (roll < 0.3) {
        await api.post(`${path}/fail`);
        status = 'failed';
      } else if (roll < 0.45) {
        await api.post(`${path}/images`, { front: image });
        await api.post(path, {});
        status = 'processing';
      }
      seeded.push({ processId, dossierId, createdAtMs: base + offset, status });
    }
    clock.set(Date.now());
  }

  function expected(from: number, to: number, statuses: string[], order: 'asc' | 'desc') {
    const rows = seeded
      .filter(
        (p) => p.createdAtMs >= from && p.createdAtMs <= to && (statuses.length === 0 || statuses.includes(p.status)),
      )
      .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.processId < b.processId ? -1 : 1));
    return order === 'asc' ? rows : rows.reverse();
  }

  async function list(query: string) {
    const response = await api.get(`/assure/processes?${query}`);
    expect(response.status, response.text()).toBe(200);
    return response.json<{ processes: Listed[]; totalResults: number; filters: Record<string, unknown> }>();
  }

  it('pages exactly like a full scan would, for any range, status filter, offset, limit and order', async () => {
    await seed();
    const next = random(11);
    const edges = [base, base + hour, base + 2 * hour, base + 2 * hour - 1, base + 5 * hour - 1, base + 5 * hour];
    for (let round = 0; round < 40; round++) {
      const pick = () =>
        next() < 0.4 ? edges[Math.floor(next() * edges.length)]! : base + Math.floor(next() * 5 * hour);
      let from = pick();
      let to = pick();
      if (to < from) [from, to] = [to, from];
      from = Math.floor(from / 1000) * 1000; // the API takes whole seconds
      to = Math.floor(to / 1000) * 1000;
      const statuses = [['failed'], ['pending', 'processing'], [], ['accepted']][round % 4]!;
      const order = next() < 0.5 ? 'asc' : 'desc';
      const all = expected(from, to, statuses, order);
      const offset = Math.floor(next() * (all.length + 3));
      const limit = 1 + Math.floor(next() * 25);
      const query = new URLSearchParams({
        startCreationDate: iso(from),
        endCreationDate: iso(to),
        offset: String(offset),
        limit: String(limit),
        order: order === 'asc' ? 'createdAtAscending' : 'createdAtDescending',
      });
      for (const status of statuses) query.append('status', status);
      const body = await list(query.toString());
      const context = `round ${round}: ${query}`;
      expect(body.totalResults, context).toBe(all.length);
      expect(
        body.processes.map((p) => p.processId),
        context,
      ).toEqual(all.slice(offset, offset + limit).map((p) => p.processId));
    }
  });

  it('returns each process with its dossier, and echoes the filters', async () => {
    const body = await list(`startCreationDate=${iso(base)}&status=failed,pending&limit=3`);
    const first = body.processes[0]!;
    const seededRow = seeded.find((p) => p.processId === first.processId)!;
    expect(first.dossier.dossierId).toBe(seededRow.dossierId);
    expect(first.dossier.externalReference).toMatch(/^d\d$/);
    expect(body.filters).toEqual({
      startCreationDate: iso(base),
      statusList: ['failed', 'pending'],
      offset: 0,
      limit: 3,
      order: 'createdAtDescending',
    });
    const failed = (await list(`startCreationDate=${iso(base)}&status=failed&limit=1`))
      .processes[0] as unknown as Record<string, unknown>;
    expect(failed.failReason).toEqual({
      category: 'User.Request',
      reason: 'Process.Failed',
      message: 'Failed by request.',
    });
  });

  it("never shows another client's processes", async () => {
    const body = await server().other.get(`/assure/processes?startCreationDate=${iso(base)}`);
    expect(body.json<{ totalResults: number }>().totalResults).toBe(0);
  });

  it('keeps counting right after processes and dossiers are deleted', async () => {
    const victim = seeded.find((p) => p.status === 'failed')!;
    await api.delete(`/assure/dossiers/${victim.dossierId}/processes/${victim.processId}`);
    seeded = seeded.filter((p) => p !== victim);
    const dossier = seeded.find(
      (p) =>
        p.status !== 'processing' &&
        seeded.filter((q) => q.dossierId === p.dossierId).every((q) => q.status !== 'processing'),
    );
    if (dossier) {
      expect((await api.delete(`/assure/dossiers/${dossier.dossierId}`)).status).toBe(204);
      seeded = seeded.filter((p) => p.dossierId !== dossier.dossierId);
    }
    for (const statuses of [[], ['failed'], ['pending']]) {
      const query = `startCreationDate=${iso(base)}${statuses.map((s) => `&status=${s}`).join('')}`;
      expect((await list(query)).totalResults).toBe(expected(base, Number.MAX_SAFE_INTEGER, statuses, 'asc').length);
    }
  });

  it.each([
    ['', 'startCreationDate is required'],
    ['startCreationDate=yesterday', 'startCreationDate must be an ISO-8601'],
    [
      'startCreationDate=2026-06-01T10:00:00Z&endCreationDate=2026-06-01T09:00:00Z',
      'endCreationDate is before startCreationDate',
    ],
    ['startCreationDate=2026-06-01T10:00:00Z&status=done', "status 'done' is not a process status"],
    ['startCreationDate=2026-06-01T10:00:00Z&offset=200001', 'querystring.offset must be <= 200000'],
    ['startCreationDate=2026-06-01T10:00:00Z&limit=0', 'querystring.limit must be >= 1'],
    ['startCreationDate=2026-06-01T10:00:00Z&limit=2001', 'querystring.limit must be <= 2000'],
    ['startCreationDate=2026-06-01T10:00:00Z&order=random', 'order must be createdAtDescending or createdAtAscending'],
  ])('refuses ?%s', async (query, detail) => {
    const response = await server().api.get(`/assure/processes?${query}`);
    expect(response.status).toBe(400);
    expect(response.json<{ detail: string }>().detail).toContain(detail);
  });
});
