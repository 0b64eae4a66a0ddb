import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConsoleClient, createOperator, signInOperator } from '../support/console-client.js';
import { jpegDataUrl } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';

type Who = 'none' | 'viewer' | 'reviewer' | 'admin' | 'limitedAdmin';

interface Fixture {
  clientId: string;
  dossierId: string;
  processId: string;
  deliveryId: string;
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Made afresh for each caller, so that a destructive route has something to act on every time. */
  path: (server: TestServer, f: Fixture) => Promise<string> | string;
  body?: unknown;
  /** The least role that may call it. */
  role: 'viewer' | 'admin';
  /** What the allowed roles get. */
  ok: number;
  /** What an admin limited to another client gets: 404 (as if absent), 403, or the same as the others. */
  limited: number;
}

const freshClient = async (server: TestServer) => (await server.newClient()).clientId;
const freshOperator = async (server: TestServer) => (await createOperator(server, { role: 'viewer' })).email;

const routes: RouteCase[] = [
  { method: 'GET', path: () => '/overview', role: 'viewer', ok: 200, limited: 200 },
  { method: 'GET', path: () => '/processes', role: 'viewer', ok: 200, limited: 200 },
  { method: 'GET', path: (_, f) => `/dossiers/${f.dossierId}`, role: 'viewer', ok: 200, limited: 404 },
  { method: 'GET', path: (_, f) => `/processes/${f.processId}`, role: 'viewer', ok: 200, limited: 404 },
  { method: 'GET', path: (_, f) => `/processes/${f.processId}/images/front`, role: 'viewer', ok: 200, limited: 404 },
  // The process has no video: a 404 past the role check (never a 401 or 403).
  { method: 'GET', path: (_, f) => `/processes/${f.processId}/video`, role: 'viewer', ok: 404, limited: 404 },
  // Not final yet: no result to download.
  { method: 'GET', path: (_, f) => `/processes/${f.processId}/zip`, role: 'viewer', ok: 204, limited: 404 },
  { method: 'GET', path: () => '/clients', role: 'viewer', ok: 200, limited: 200 },
  {
    method: 'POST',
    path: () => '/clients',
    body: { name: 'new', environment: 'sandbox' },
    role: 'admin',
    ok: 201,
    limited: 403,
  },
  { method: 'POST', path: (_, f) => `/clients/${f.clientId}/secret`, role: 'admin', ok: 200, limited: 404 },
  { method: 'DELETE', path: async (s) => `/clients/${await freshClient(s)}`, role: 'admin', ok: 204, limited: 404 },
  { method: 'GET', path: (_, f) => `/clients/${f.clientId}/settings`, role: 'viewer', ok: 200, limited: 404 },
  {
    method: 'PUT',
    path: (_, f) => `/clients/${f.clientId}/settings`,
    body: { reviewInconclusive: ['onfido'], fourEyes: true },
    role: 'admin',
    ok: 200,
    limited: 404,
  },
  { method: 'GET', path: (_, f) => `/clients/${f.clientId}/webhooks`, role: 'viewer', ok: 200, limited: 404 },
  { method: 'GET', path: () => '/deliveries', role: 'viewer', ok: 200, limited: 200 },
  { method: 'POST', path: (_, f) => `/deliveries/${f.deliveryId}/redeliver`, role: 'admin', ok: 202, limited: 404 },
  { method: 'GET', path: () => '/operators', role: 'admin', ok: 200, limited: 403 },
  {
    method: 'POST',
    path: () => '/operators',
    body: () => ({ email: `new-${randomUUID()}@example.test`, role: 'viewer' }),
    role: 'admin',
    ok: 201,
    limited: 403,
  },
  { method: 'DELETE', path: async (s) => `/operators/${await freshOperator(s)}`, role: 'admin', ok: 204, limited: 403 },
  {
    method: 'POST',
    path: async (s) => `/operators/${await freshOperator(s)}/password`,
    role: 'admin',
    ok: 200,
    limited: 403,
  },
  { method: 'GET', path: () => '/audit', role: 'admin', ok: 200, limited: 403 },
  { method: 'GET', path: () => '/audit.csv', role: 'admin', ok: 200, limited: 403 },
];

function expected(route: RouteCase, who: Who): number {
  if (who === 'none') return 401;
  if (who === 'limitedAdmin') return route.limited;
  if (route.role === 'admin' && who !== 'admin') return 403;
  return route.ok;
}

describe.each(storeKinds)('console roles on %s', (kind) => {
  const server = useTestServer(kind);

  async function fixture(): Promise<Fixture> {
    const s = server();
    const { api, clientId } = await s.newClient();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatpaper',
      documentType: 'passport',
      documentCountry: 'NLD',
    });
    const { processId } = created.json<{ processId: string }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}/images`;
    expect((await api.post(path, { front: await jpegDataUrl(240, 200) })).status).toBe(201);
    const deliveryId = `msg_${randomUUID().replaceAll('-', '')}`;
    const now = s.clock.now();
    await s.app.store.repos.deliveries.insert({
      id: deliveryId,
      clientId,
      endpointId: null,
      processId,
      event: 'process.status.changed',
      payload: JSON.stringify({ processId }),
      status: 'dead',
      attempts: 1,
      nextAttemptAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return { clientId, dossierId, processId, deliveryId };
  }

  it('answers every route for every role as the role matrix says', { timeout: 240_000 }, async () => {
    const f = await fixture();
    const other = await server().newClient();
    const callers: Record<Who, ConsoleClient> = {
      none: new ConsoleClient(server().baseUrl),
      viewer: await signInOperator(server(), { role: 'viewer' }),
      reviewer: await signInOperator(server(), { role: 'reviewer' }),
      limitedAdmin: await signInOperator(server(), { role: 'admin', clients: [other.clientId] }),
      admin: await signInOperator(server(), { role: 'admin' }),
    };
    const problems: string[] = [];
    for (const route of routes) {
      for (const who of ['none', 'viewer', 'reviewer', 'limitedAdmin', 'admin'] as const) {
        const path = await route.path(server(), f);
        const body = typeof route.body === 'function' ? (route.body as () => unknown)() : route.body;
        const response = await callers[who].request(route.method, path, body);
        const want = expected(route, who);
        if (response.status !== want)
          problems.push(`${route.method} ${path} as ${who}: ${response.status}, not ${want}`);
        expect(response.headers.get('cache-control'), `${route.method} ${path}`).toBe('no-store');
      }
    }
    expect(problems).toEqual([]);
  });
});
