import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';
import { WebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver.js';

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  status: string;
  disabledReason?: string;
  secret?: string;
  createdAt: string;
  updatedAt: string;
}

interface Delivery {
  id: string;
  event: string;
  status: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  createdAt: string;
  attempts: {
    attempt: number;
    startedAt: string;
    durationMs: number;
    statusCode: number | null;
    error: string | null;
    outcome: string;
  }[];
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Creates a pending process in a new dossier and fails it, which is a status change to a final status. */
async function failNewProcess(api: ApiClient, processFields: Record<string, unknown> = {}) {
  const dossierId = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido', ...processFields });
  expect(created.status).toBe(201);
  const processId = created.json<{ processId: string }>().processId;
  expect((await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/fail`)).status).toBe(200);
  return { dossierId, processId };
}

async function subscribe(api: ApiClient, body: Record<string, unknown>): Promise<Endpoint> {
  const response = await api.post('/assure/webhooks', body);
  expect(response.status, response.text()).toBe(201);
  return response.json<Endpoint>();
}

async function deliveriesOf(api: ApiClient, endpointId: string): Promise<Delivery[]> {
  const response = await api.get(`/assure/webhooks/${endpointId}/deliveries`);
  expect(response.status).toBe(200);
  return response.json<Delivery[]>();
}

const verify = (secret: string, request: ReceivedRequest) =>
  new Webhook(secret).verify(request.body, request.headers as Record<string, string>);

describe.each(storeKinds)('webhooks on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' }, { worker: true });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const requestsTo = (path: string) => receiver.requests.filter((r) => r.path === path);

  describe('subscriptions', () => {
    it('creates an endpoint, shows its secret once, lists, reads and deletes it', async () => {
      const { api } = server();
      const created = await subscribe(api, { url: 'https://hooks.example.com/assure' });
      expect(created).toMatchObject({
        url: 'https://hooks.example.com/assure',
        events: ['process.status_changed', 'process.completed'],
        status: 'active',
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

      const listed = await api.get('/assure/webhooks');
      expect(listed.json<Endpoint[]>().map((e) => e.id)).toContain(created.id);
      expect(listed.text()).not.toContain('whsec_');
      const read = await api.get(`/assure/webhooks/${created.id}`);
      expect(read.json()).toEqual({ ...created, secret: undefined });
      expect(read.text()).not.toContain(created.secret!.slice(6, 20));

      const row = await server()
        .app.store.db.selectFrom('webhook_endpoints')
        .select('secret_sealed')
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(row.secret_sealed).not.toContain(created.secret!.slice(6));
      expect(server().logs.join('\n')).not.toContain(created.secret!.slice(6));

      expect((await api.delete(`/assure/webhooks/${created.id}`)).status).toBe(204);
      expect((await api.get(`/assure/webhooks/${created.id}`)).status).toBe(404);
      expect((await api.delete(`/assure/webhooks/${created.id}`)).status).toBe(404);
    });

    it('keeps only the chosen events, each once', async () => {
      const created = await subscribe(server().api, {
        url: 'http://hooks.example.com/x',
        events: ['process.completed', 'process.completed'],
      });
      expect(created.events).toEqual(['process.completed']);
    });

    it("hides one client's endpoints from another", async () => {
      const { api, other } = server();
      const created = await subscribe(api, { url: 'https://hooks.example.com/mine' });
      expect((await other.get(`/assure/webhooks/${created.id}`)).status).toBe(404);
      expect((await other.get(`/assure/webhooks/${created.id}/deliveries`)).status).toBe(404);
      expect((await other.delete(`/assure/webhooks/${created.id}`)).status).toBe(404);
      expect((await other.get('/assure/webhooks')).json<Endpoint[]>().map((e) => e.id)).not.toContain(created.id);
      expect((await api.get(`/assure/webhooks/${created.id}`)).status).toBe(200);
    });

    it.each([
      [{}, 'body.url is required'],
      [{ url: 'ftp://hooks.example.com/x' }, 'body.url must match pattern'],
      [{ url: 'https://user:pass@hooks.example.com/x' }, 'body.url must not contain a user name or password'],
      [{ url: 'https://' }, 'body.url must be an absolute URL'],
      [{ url: `https://hooks.example.com/${'a'.repeat(2048)}` }, 'body.url must NOT have more than 2048 characters'],
      [{ url: 'https://hooks.example.com', events: ['process.deleted'] }, 'body.events.0 must be one of'],
      [{ url: 'https://hooks.example.com', events: [] }, 'body.events must NOT have fewer than 1 items'],
      [{ url: 'https://hooks.example.com', events: 'process.completed' }, 'body.events must be array'],
      [{ url: 'https://hooks.example.com', secret: 'hunter2' }, 'body.secret must match pattern'],
      [{ url: 'https://hooks.example.com', secret: 'whsec_c2hvcnQ=' }, 'body.secret must encode 24 to 64 bytes'],
      [{ url: 'https://hooks.example.com', secret: 'whsec_aGVs#bG8*!!' }, 'body.secret must be whsec_ followed by'],
    ])('refuses %j', async (body, detail) => {
      const response = await server().api.post('/assure/webhooks', body);
      expect(response.status).toBe(400);
      expect(response.json()).toMatchObject({ status: 400, type: 'base:client-problem' });
      expect(response.json<{ detail: string }>().detail).toContain(detail);
    });

    it('takes loopback and private receivers for local development, never link-local ones', async () => {
      const { api } = server();
      expect((await api.post('/assure/webhooks', { url: 'http://127.0.0.1:9/x' })).status).toBe(201);
      expect((await api.post('/assure/webhooks', { url: 'http://10.0.0.1/x' })).status).toBe(201);
      const metadata = await api.post('/assure/webhooks', { url: 'http://169.254.169.254/latest/meta-data/' });
      expect(metadata.status).toBe(400);
      expect(metadata.json<{ detail: string }>().detail).toBe(
        'body.url must point at a public address: 169.254.169.254 is linkLocal.',
      );
      const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
      const process = await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'onfido',
        notificationUrl: 'http://[fe80::1]/hook',
      });
      expect(process.status).toBe(400);
    });

    it('allows at most 20 endpoints per client', async () => {
      const { api } = await server().newClient();
      for (let i = 0; i < 20; i++) await subscribe(api, { url: `https://hooks.example.com/${i}` });
      const refused = await api.post('/assure/webhooks', { url: 'https://hooks.example.com/21' });
      expect(refused.status).toBe(409);
      expect(refused.json<{ detail: string }>().detail).toContain('at most 20');
    });

    it('needs a token', async () => {
      expect((await server().anonymous.get('/assure/webhooks')).status).toBe(401);
    });

    it('is described in the generated OpenAPI document', async () => {
      const document = (await server().anonymous.get('/assure/openapi.json')).json<{
        paths: Record<string, Record<string, { operationId?: string }>>;
      }>();
      expect(Object.keys(document.paths['/assure/webhooks'] ?? {}).sort()).toEqual(['get', 'post']);
      expect(document.paths['/assure/webhooks/{webhookId}/deliveries']?.get?.operationId).toBe('getWebhookDeliveries');
    });
  });

  describe('delivery', () => {
    it('sends a signed Standard Webhooks message for each event of a status change', async () => {
      const { api } = await server().newClient();
      receiver.answer(() => ({ status: 200 }));
      const endpoint = await subscribe(api, { url: receiver.url('/signed') });
      const { dossierId, processId } = await failNewProcess(api);
      const received = await eventually(async () =>
        requestsTo('/signed').length >= 2 ? requestsTo('/signed') : undefined,
      );
      const messages = received.map(
        (r) => verify(endpoint.secret!, r) as { type: string; data: Record<string, unknown> },
      );
      expect(messages.map((m) => m.type).sort()).toEqual(['process.completed', 'process.status_changed']);
      for (const message of messages) {
        // Ids and the status only: never personal data.
        expect(message.data).toEqual({ dossierId, processId, provider: 'onfido', status: 'failed' });
      }
      expect(received[0]!.headers['user-agent']).toBe('OpenAssure-Webhooks/1');
      expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(2);

      const deliveries = await eventually(async () => {
        const list = await deliveriesOf(api, endpoint.id);
        return list.length === 2 && list.every((d) => d.status === 'delivered') ? list : undefined;
      });
      expect(deliveries.map((d) => d.id).sort()).toEqual(received.map((r) => r.headers['webhook-id']).sort());
      expect(deliveries[0]!.attempts).toEqual([
        expect.objectContaining({ attempt: 1, statusCode: 200, error: null, outcome: 'delivered' }),
      ]);
    });

    it('signs with the secret the client chose', async () => {
      const { api } = await server().newClient();
      const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
      const endpoint = await subscribe(api, {
        url: receiver.url('/own-secret'),
        events: ['process.completed'],
        secret,
      });
      expect(endpoint.secret).toBe(secret);
      await failNewProcess(api);
      const [request] = await eventually(async () =>
        requestsTo('/own-secret').length > 0 ? requestsTo('/own-secret') : undefined,
      );
      expect(verify(secret, request!)).toMatchObject({ type: 'process.completed' });
    });

    it('posts the legacy callback to notificationUrl with the exact Authorization value', async () => {
      const { api } = await server().newClient();
      const authorizationHeader = 'Bearer legacy-canary-7c1e';
      const { dossierId, processId } = await failNewProcess(api, {
        notificationUrl: receiver.url('/legacy'),
        authorizationHeader,
      });
      const [request] = await eventually(async () =>
        requestsTo('/legacy').length > 0 ? requestsTo('/legacy') : undefined,
      );
      expect(request!.method).toBe('POST');
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.headers.authorization).toBe(authorizationHeader);
      expect(JSON.parse(request!.body)).toEqual({ dossierId, processId, status: 'failed' });
      expect(server().logs.join('\n')).not.toContain('legacy-canary');
    });

    it('retries a failed message with the same webhook-id and records every attempt', async () => {
      const { api } = await server().newClient();
      receiver.answer((request) => ({
        status: request.path === '/flaky' && requestsTo('/flaky').length === 1 ? 500 : 200,
      }));
      const endpoint = await subscribe(api, { url: receiver.url('/flaky'), events: ['process.completed'] });
      await failNewProcess(api);
      await eventually(async () => (requestsTo('/flaky').length > 0 ? true : undefined));
      const failed = await eventually(async () => {
        const [delivery] = await deliveriesOf(api, endpoint.id);
        // The row and its attempts are read by two queries: wait until both show the attempt.
        return delivery?.attempts.length === 1 && delivery.attemptCount === 1 ? delivery : undefined;
      });
      expect(failed).toMatchObject({ status: 'pending', attemptCount: 1 });
      expect(failed.attempts[0]).toMatchObject({
        attempt: 1,
        statusCode: 500,
        outcome: 'failed',
        error: 'The receiver answered 500.',
      });
      const wait = Date.parse(failed.nextAttemptAt!) - Date.parse(failed.attempts[0]!.startedAt);
      expect(wait).toBeGreaterThanOrEqual(3_000);
      expect(wait).toBeLessThanOrEqual(7_000);

      // The SQLite queue runs on the server's clock; pg-boss waits the real seconds.
      server().clock.advance(6_000);
      const received = await eventually(
        async () => (requestsTo('/flaky').length >= 2 ? requestsTo('/flaky') : undefined),
        20_000,
      );
      expect(received).toHaveLength(2);
      expect(received[1]!.headers['webhook-id']).toBe(received[0]!.headers['webhook-id']);
      expect(verify(endpoint.secret!, received[1]!)).toMatchObject({ type: 'process.completed' });

      const delivered = await eventually(async () => {
        const [delivery] = await deliveriesOf(api, endpoint.id);
        return delivery?.status === 'delivered' ? delivery : undefined;
      });
      expect(delivered).toMatchObject({ id: received[0]!.headers['webhook-id'], attemptCount: 2, nextAttemptAt: null });
      expect(delivered.attempts.map((a) => [a.attempt, a.statusCode, a.outcome])).toEqual([
        [1, 500, 'failed'],
        [2, 200, 'delivered'],
      ]);
    });

    it('disables an endpoint that answers 410 Gone', async () => {
      const { api } = await server().newClient();
      receiver.answer((request) => ({ status: request.path === '/gone' ? 410 : 200 }));
      const endpoint = await subscribe(api, { url: receiver.url('/gone'), events: ['process.completed'] });
      await failNewProcess(api);
      const disabled = await eventually(async () => {
        const read = (await api.get(`/assure/webhooks/${endpoint.id}`)).json<Endpoint>();
        return read.status === 'disabled' ? read : undefined;
      });
      expect(disabled.disabledReason).toBe('The endpoint answered 410 Gone.');
      const [delivery] = await deliveriesOf(api, endpoint.id);
      expect(delivery).toMatchObject({ status: 'dead', nextAttemptAt: null });
      expect(delivery!.attempts).toEqual([expect.objectContaining({ statusCode: 410, outcome: 'gone' })]);

      // A disabled endpoint gets no further messages. Messages are planned with the status change, so
      // once another endpoint has received the next one, anything meant for /gone would exist too.
      const before = requestsTo('/gone').length;
      await subscribe(api, { url: receiver.url('/still-active'), events: ['process.completed'] });
      const { processId } = await failNewProcess(api);
      await eventually(async () =>
        requestsTo('/still-active').some((r) => r.body.includes(processId)) ? true : undefined,
      );
      expect(await deliveriesOf(api, endpoint.id)).toHaveLength(1);
      expect(requestsTo('/gone')).toHaveLength(before);
    });
  });
});

describe.each(storeKinds)('webhooks without OPENASSURE_OUTBOUND_ALLOW_PRIVATE on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });

  const privateUrls = [
    'http://127.0.0.1:9000/hook',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.0.0.1/',
    'http://192.168.1.1/',
    'http://[fd00::1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://localhost:8080/',
  ];

  it.each(privateUrls)('refuses %s as a webhook endpoint and as a notificationUrl, at registration', async (url) => {
    const { api } = server();
    const endpoint = await api.post('/assure/webhooks', { url });
    expect(endpoint.status).toBe(400);
    expect(endpoint.json()).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(endpoint.json<{ detail: string }>().detail).toMatch(/^body\.url must point at a public address: /);
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const process = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'onfido',
      notificationUrl: url,
    });
    expect(process.status).toBe(400);
    expect(process.json<{ detail: string }>().detail).toMatch(
      /^body\.notificationUrl must point at a public address: /,
    );
  });

  it('refuses a notificationUrl with a user name or password, as the webhook endpoints do', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const process = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'onfido',
      notificationUrl: 'https://user:secret@hooks.example.com/assure',
    });
    expect(process.status).toBe(400);
    expect(process.json<{ detail: string }>().detail).toBe(
      'body.notificationUrl must not contain a user name or password.',
    );
    expect(process.text()).not.toContain('secret@');
  });

  it('still refuses a loopback receiver at delivery time (DNS may change after registration), and records why', async () => {
    const { api, app } = server() as TestServer;
    // Stands for a name that resolved to a public address when it was registered and to 127.0.0.1 now.
    const endpoint = await subscribe(api, {
      url: 'https://hooks.example.com/rebinding',
      events: ['process.completed'],
    });
    await app.store.db
      .updateTable('webhook_endpoints')
      .set({ url: receiver.url('/private') })
      .where('id', '=', endpoint.id)
      .execute();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'onfido',
        notificationUrl: 'https://hooks.example.com/legacy-rebinding',
      })
    ).json<{ processId: string }>();
    await app.store.db
      .updateTable('processes')
      .set({ notification_url: receiver.url('/legacy-private') })
      .where('id', '=', processId)
      .execute();
    expect((await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/fail`)).status).toBe(200);
    const delivery = await eventually(async () => {
      const [found] = await deliveriesOf(api, endpoint.id);
      return found?.attempts.length === 1 && found.attemptCount === 1 ? found : undefined;
    });
    expect(delivery).toMatchObject({ status: 'pending', attemptCount: 1 });
    expect(delivery.nextAttemptAt).not.toBeNull();
    expect(delivery.attempts[0]).toMatchObject({ statusCode: null, outcome: 'failed' });
    expect(delivery.attempts[0]!.error).toMatch(/Refused to connect to 127\.0\.0\.1 \(loopback\)/);
    // The legacy callback goes through the same guard.
    const legacy = await eventually(async () => {
      const rows = await app.store.db
        .selectFrom('notification_attempts')
        .innerJoin('notification_deliveries', 'notification_deliveries.id', 'notification_attempts.delivery_id')
        .select(['notification_attempts.error'])
        .where('notification_deliveries.endpoint_id', 'is', null)
        .execute();
      return rows.length > 0 ? rows : undefined;
    });
    expect(legacy[0]!.error).toMatch(/loopback/);
    expect(receiver.requests).toHaveLength(0);
  });
});
