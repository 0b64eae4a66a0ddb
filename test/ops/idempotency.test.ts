import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { databaseKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(databaseKinds)('Idempotency-Key on %s', (kind) => {
  const server = useTestServer(kind);

  /** A fresh client, so that counting its dossiers counts only what this test made. */
  const freshClient = async () => {
    const { api, clientId, clientSecret } = await server().newClient();
    const token = await server().token(clientId, clientSecret);
    const rawPost = (path: string, body: unknown, key: string) =>
      fetch(`${server().baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const post = (path: string, body: unknown, key?: string) =>
      api.request('POST', path, {
        body,
        headers: key === undefined ? {} : { 'idempotency-key': key },
      });
    const dossierCount = async () => (await api.get('/assure/dossiers')).json<unknown[]>().length;
    return { api, post, rawPost, dossierCount };
  };

  it('replays the first answer to a repeat with the same key and body, without running it again', async () => {
    const { post, dossierCount } = await freshClient();
    const key = randomUUID();
    const first = await post('/assure/dossiers', { externalReference: 'order-1' }, key);
    const second = await post('/assure/dossiers', { externalReference: 'order-1' }, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await dossierCount()).toBe(1);

    // Without a key, a repeat is a new request.
    await post('/assure/dossiers', { externalReference: 'order-1' });
    expect(await dossierCount()).toBe(2);
  });

  it('refuses the same key with another body or path with 422 in the upstream error shape', async () => {
    const { post, rawPost, dossierCount } = await freshClient();
    const key = randomUUID();
    expect((await post('/assure/dossiers', { externalReference: 'a' }, key)).status).toBe(201);
    // Another path with the same key is another request too.
    expect((await rawPost(`/assure/dossiers/${randomUUID()}/processes`, { provider: 'onfido' }, key)).status).toBe(422);
    // (422 is not in the upstream document for this route, so this one is sent without its check.)
    const mismatch = await rawPost('/assure/dossiers', { externalReference: 'b' }, key);
    expect(mismatch.status).toBe(422);
    const body = (await mismatch.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: 422,
      type: 'base:client-problem',
      instance: '/assure/dossiers',
      method: 'POST',
    });
    expect(body.traceId).toBe(mismatch.headers.get('x-trace-id'));
    expect(await dossierCount()).toBe(1);
  });

  it('replays client errors too, but runs a request again once its answer is older than 24 hours', async () => {
    const { post } = await freshClient();
    const key = randomUUID();
    const missing = `/assure/dossiers/${randomUUID()}/processes`;
    const notFound = await post(missing, { provider: 'onfido' }, key);
    expect(notFound.status).toBe(404);
    const again = await post(missing, { provider: 'onfido' }, key);
    expect(again.status).toBe(404);
    expect(again.json()).toEqual(notFound.json());

    const dossierKey = randomUUID();
    const created = (await post('/assure/dossiers', {}, dossierKey)).json<{ dossierId: string }>();
    server().clock.advance(24 * 60 * 60_000 + 1000);
    const later = (await post('/assure/dossiers', {}, dossierKey)).json<{ dossierId: string }>();
    expect(later.dossierId).not.toBe(created.dossierId);
  });

  it('runs one of many concurrent requests with the same key; the others wait and get its answer', async () => {
    const { post, dossierCount } = await freshClient();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => post('/assure/dossiers', { externalReference: 'burst' }, key)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((answer) => answer.json<{ dossierId: string }>().dossierId)).size).toBe(1);
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true')).toHaveLength(11);
    expect(await dossierCount()).toBe(1);
  });

  it('keeps keys per client: another client’s identical key is its own request', async () => {
    const [mine, theirs] = [await freshClient(), await freshClient()];
    const key = randomUUID();
    const a = (await mine.post('/assure/dossiers', {}, key)).json<{ dossierId: string }>();
    const b = (await theirs.post('/assure/dossiers', {}, key)).json<{ dossierId: string }>();
    expect(a.dossierId).not.toBe(b.dossierId);
    expect(await theirs.dossierCount()).toBe(1);
  });

  it('refuses a malformed key with 400', async () => {
    const { post, dossierCount } = await freshClient();
    const response = await post('/assure/dossiers', {}, 'x'.repeat(256));
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, detail: expect.stringMatching(/Idempotency-Key/) });
    expect(await dossierCount()).toBe(0);
  });

  it.runIf(kind === 'postgres')('keeps one answer per key across two nodes on the same database', async () => {
    const s = server();
    // A second node: its own process state, the same PostgreSQL database.
    const other = await createOpenAssure(loadConfig({ ...s.env.env, OPENASSURE_PUBLIC_URL: 'http://127.0.0.1' }), {
      logger: createLogger('silent'),
      // The nodes of a cluster share a time; the suite's clock has been moved by earlier tests.
      clock: s.clock,
    });
    await other.http.listen({ host: '127.0.0.1', port: 0 });
    try {
      const address = other.http.server.address();
      const otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const { clientId, clientSecret, api } = await s.newClient();
      const token = await s.token(clientId, clientSecret);
      const key = randomUUID();
      const send = (base: string) =>
        fetch(`${base}/assure/dossiers`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ externalReference: 'two-nodes' }),
        });
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(i % 2 === 0 ? s.baseUrl : otherUrl)));
      expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
      const ids = await Promise.all(
        answers.map(async (answer) => ((await answer.json()) as { dossierId: string }).dossierId),
      );
      expect(new Set(ids).size).toBe(1);
      expect((await api.get('/assure/dossiers')).json<unknown[]>()).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('takes over a key whose first request never finished (its node died) once the lock has passed', async () => {
    const s = server();
    const { api, clientId } = await s.newClient();
    const key = randomUUID();
    // What a node that died mid-request leaves behind: the key taken, no answer.
    const now = s.clock.now();
    await s.app.store.repos.idempotency.claim(clientId, key, 'fingerprint-of-a-lost-request', now, 60_000, 86_400_000);
    s.clock.advance(61_000);
    const response = await api.request('POST', '/assure/dossiers', { body: {}, headers: { 'idempotency-key': key } });
    expect(response.status).toBe(201);
    expect((await api.get('/assure/dossiers')).json<unknown[]>()).toHaveLength(1);
  });
});
