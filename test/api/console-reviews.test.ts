import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failStuckProcesses } from '../../src/jobs/definitions.js';
import type { ApiClient } from '../support/api-client.js';
import { jpegDataUrl } from '../support/images.js';
import { signInOperator, type ConsoleClient } from '../support/console-client.js';
import { RecordedRecordings, startCase, waitUntilQueued } from '../support/review-cases.js';
import { runNow } from '../support/settled-jobs.js';
import { processExamplesOf, specAvailable } from '../support/spec-examples.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';
import { WebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver.js';

interface Queued {
  processId: string;
  clientId: string;
  provider: string;
  processType: string | null;
  queuedAt: string;
  waitingSeconds: number;
  claimedBy: string | null;
  approvals: string[];
}

interface ProcessBody {
  status: string;
  providerSpecific?: { ocr?: Record<string, unknown>; manualApproval?: Record<string, unknown> };
}

describe.each(storeKinds)('the review queue on %s', (kind) => {
  const recordings = new RecordedRecordings();
  const server = useTestServer(
    kind,
    { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true', OPENASSURE_WORKER_CONCURRENCY: '4' },
    { worker: true, app: { backends: { live: recordings } } },
  );
  let receiver: WebhookReceiver;
  let live: { api: ApiClient; clientId: string; clientSecret: string };
  let ann: ConsoleClient;
  let bob: ConsoleClient;
  let admin: ConsoleClient;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    live = await server().newClient('live');
    ann = await signInOperator(server(), { role: 'reviewer' });
    bob = await signInOperator(server(), { role: 'reviewer' });
    admin = await signInOperator(server(), { role: 'admin' });
  });
  afterAll(async () => {
    recordings.releaseAll();
    await receiver.close();
  });

  /** A fresh token: tests move the clock past the old one's life. */
  const client = async () => live.api.withToken(await server().token(live.clientId, live.clientSecret));

  async function queuedCase(body: Record<string, unknown> = { provider: 'signicatvideoid', processType: 'high' }) {
    const started = await startCase(await client(), body);
    await waitUntilQueued(server(), started.processId);
    return started;
  }

  const queue = async (who: ConsoleClient) => {
    const response = await who.get('/reviews');
    expect(response.status, response.text).toBe(200);
    return response.json<Queued[]>();
  };

  async function received(path: string, match: (request: ReceivedRequest) => boolean): Promise<ReceivedRequest> {
    for (;;) {
      const found = receiver.requests.find((request) => request.path === path && match(request));
      if (found) return found;
      await receiver.waitFor(receiver.requests.length + 1);
    }
  }

  it('keeps agent-reviewed live processes processing, in the queue oldest first, with their waiting time', async () => {
    const first = await queuedCase();
    server().clock.advance(90_000);
    const second = await queuedCase({ provider: 'eid', processType: 'unattended' });
    const items = (await queue(ann)).filter((i) => [first.processId, second.processId].includes(i.processId));
    expect(items.map((i) => i.processId)).toEqual([first.processId, second.processId]);
    expect(items[0]).toMatchObject({
      provider: 'signicatvideoid',
      processType: 'high',
      claimedBy: null,
      approvals: [],
    });
    expect(items[0]!.waitingSeconds).toBeGreaterThanOrEqual(90);
    expect(items[1]).toMatchObject({ provider: 'eid', processType: 'unattended', clientId: live.clientId });
    expect((await (await client()).get(first.path)).json<ProcessBody>().status).toBe('processing');
  });

  it('decides substantial automatically where the rules do, and queues its inconclusive results', async () => {
    const clean = await startCase(await client(), { provider: 'signicatvideoid', processType: 'substantial' });
    await expect.poll(async () => (await (await client()).get(clean.path)).json<ProcessBody>().status).toBe('accepted');
    const { dossierId } = (await (await client()).post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await (
      await client()
    ).post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatvideoid',
      processType: 'substantial',
    });
    const { processId } = created.json<{ processId: string }>();
    recordings.ocrFor.set(processId, { similarityScore: 'medium' });
    await (await client()).post(`/assure/dossiers/${dossierId}/processes/${processId}`, {});
    await waitUntilQueued(server(), processId);
    expect(await server().app.store.repos.reviews.find(clean.processId)).toBeUndefined();
  });

  it('lets one reviewer hold a claim; another gets 409 review_claimed until it lapses', async () => {
    const started = await queuedCase();
    const claimed = await ann.post(`/reviews/${started.processId}/claim`);
    expect(claimed.status, claimed.text).toBe(200);
    expect(claimed.headers.get('cache-control')).toBe('no-store');
    const refused = await bob.post(`/reviews/${started.processId}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.json()).toMatchObject({ type: 'review:claimed', status: 409 });
    const decided = await bob.post(`/reviews/${started.processId}/decision`, {
      decision: 'reject',
      reason: 'faceMismatch',
    });
    expect(decided.json()).toMatchObject({ type: 'review:claimed' });
    expect((await queue(bob)).find((i) => i.processId === started.processId)?.claimedBy).toBe(ann.email);

    server().clock.advance(15 * 60_000 + 1_000);
    expect((await queue(bob)).find((i) => i.processId === started.processId)?.claimedBy).toBeNull();
    expect((await bob.post(`/reviews/${started.processId}/claim`)).status).toBe(200);
    // Ann's lapsed claim no longer lets her decide.
    const late = await ann.post(`/reviews/${started.processId}/decision`, { decision: 'accept', reason: 'other' });
    expect(late.status).toBe(409);
    expect(late.json()).toMatchObject({ type: 'review:claimed' });
    expect((await bob.delete(`/reviews/${started.processId}/claim`)).status).toBe(204);
    expect((await ann.post(`/reviews/${started.processId}/claim`)).status).toBe(200);
  });

  it('turns an acceptance into the upstream result with the corrections, and notifies with a signed webhook', async () => {
    const api = await client();
    const hook = await api.post('/assure/webhooks', { url: receiver.url(`/accepted/${kind}`) });
    const { secret } = hook.json<{ secret: string }>();
    const started = await startCase(api, {
      provider: 'signicatvideoid',
      processType: 'high',
      notificationUrl: receiver.url(`/accepted-legacy/${kind}`),
    });
    await waitUntilQueued(server(), started.processId);
    const detail = await ann.get(`/reviews/${started.processId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json()).toMatchObject({
      processId: started.processId,
      extracted: { lastName: 'SANTOS MENDES', dateOfExpiry: '2030-07-08' },
      fourEyes: false,
      approvals: [],
      reasons: { accept: expect.arrayContaining([expect.objectContaining({ code: 'documentAndFaceMatch' })]) },
    });
    expect((await ann.post(`/reviews/${started.processId}/claim`)).status).toBe(200);
    server().clock.advance(106_000);
    const decided = await ann.post(`/reviews/${started.processId}/decision`, {
      decision: 'accept',
      reason: 'documentAndFaceMatch',
      comment: 'Expiry misread by the OCR.',
      corrections: { dateOfExpiry: '2025-10-13' },
    });
    expect(decided.status, decided.text).toBe(200);
    expect(decided.json()).toEqual({ state: 'decided', status: 'accepted' });

    const body = (await (await client()).get(started.path)).json<ProcessBody>();
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific?.ocr).toMatchObject({ dateOfExpiry: '2030-07-08' });
    expect(body.providerSpecific?.manualApproval).toMatchObject({
      dateOfExpiry: '2025-10-13',
      duration: '106',
      lastName: 'SANTOS MENDES',
      verifierId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(body)).not.toContain(ann.email!);
    if (specAvailable()) {
      const example = processExamplesOf('signicatvideoid').find(
        (e) => e.example.status === 'accepted' && e.example.processType === 'high',
      )!.example as { providerSpecific: { manualApproval: object; ocr: object } };
      // Field for field with upstream's high example, but the vendor's registration authority (docs/review.md).
      expect(Object.keys(body.providerSpecific!.manualApproval!).sort()).toEqual(
        Object.keys(example.providerSpecific.manualApproval)
          .filter((k) => k !== 'rAuthorityId')
          .sort(),
      );
      expect(Object.keys(body.providerSpecific!).sort()).toEqual(Object.keys(example.providerSpecific).sort());
    }

    // The download holds the agent record as VideoID names it.
    const zip = await (await client()).get(`${started.path}/download`);
    expect(zip.status).toBe(200);
    expect(zip.body.includes(Buffer.from('manual_approval.json'))).toBe(true);

    const webhook = await received(`/accepted/${kind}`, (r) => JSON.parse(r.body).type === 'process.completed');
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = webhook.headers;
    expect(signature).toBe(new Webhook(secret).sign(String(id), new Date(Number(timestamp) * 1000), webhook.body));
    expect(JSON.parse(webhook.body)).toMatchObject({ data: { processId: started.processId, status: 'accepted' } });
    const legacy = await received(`/accepted-legacy/${kind}`, (r) => JSON.parse(r.body).status === 'accepted');
    expect(JSON.parse(legacy.body)).toMatchObject({ processId: started.processId });

    expect((await queue(ann)).map((i) => i.processId)).not.toContain(started.processId);
    const again = await ann.post(`/reviews/${started.processId}/claim`);
    expect(again.status).toBe(409);
    const audit = await server().app.store.repos.auditLog.list({ operator: ann.email! }, 100);
    expect(audit.filter((e) => e.target === started.processId).map((e) => e.action)).toEqual(
      expect.arrayContaining(['review.claim', 'review.decide']),
    );
  });

  it('turns a rejection into the agent rejection with its reason', async () => {
    const started = await queuedCase({ provider: 'eid', processType: 'unattended' });
    await bob.post(`/reviews/${started.processId}/claim`);
    const decided = await bob.post(`/reviews/${started.processId}/decision`, {
      decision: 'reject',
      reason: 'faceMismatch',
    });
    expect(decided.json()).toEqual({ state: 'decided', status: 'rejected' });
    const body = (await (await client()).get(started.path)).json<ProcessBody>();
    expect(body).toMatchObject({
      status: 'rejected',
      providerSpecific: { manualApproval: { rejectionReasons: [{ type: 'Photo.DoesNotMatchPerson' }] } },
    });
  });

  it('refuses a reason of the other verdict and fields a reviewer cannot correct', async () => {
    const started = await queuedCase();
    await ann.post(`/reviews/${started.processId}/claim`);
    const path = `/reviews/${started.processId}/decision`;
    expect((await ann.post(path, { decision: 'accept', reason: 'faceMismatch' })).status).toBe(400);
    const unknown = await ann.post(path, { decision: 'accept', reason: 'other', corrections: { secret: 'x' } });
    expect(unknown.status).toBe(400);
    expect((await (await client()).get(started.path)).json<ProcessBody>().status).toBe('processing');
  });

  it('with four-eyes, needs two different reviewers to accept, and one to reject', async () => {
    // The admin's setting (PUT /console/api/clients/:id/settings), as the console stores it.
    const settings = server().app.store.repos.clientSettings;
    await settings.put({ clientId: live.clientId, reviewInconclusive: [], fourEyes: true });
    try {
      const started = await queuedCase();
      const path = `/reviews/${started.processId}`;
      await ann.post(`${path}/claim`);
      const first = await ann.post(`${path}/decision`, { decision: 'accept', reason: 'documentAndFaceMatch' });
      expect(first.json()).toEqual({ state: 'awaitingSecondApproval', status: 'processing' });
      expect((await queue(bob)).find((i) => i.processId === started.processId)).toMatchObject({
        approvals: [ann.email],
        claimedBy: null,
      });
      await ann.post(`${path}/claim`);
      const twice = await ann.post(`${path}/decision`, { decision: 'accept', reason: 'documentAndFaceMatch' });
      expect(twice.status).toBe(409);
      await ann.delete(`${path}/claim`);
      await bob.post(`${path}/claim`);
      const second = await bob.post(`${path}/decision`, { decision: 'accept', reason: 'documentAndFaceMatch' });
      expect(second.json()).toEqual({ state: 'decided', status: 'accepted' });

      const rejected = await queuedCase();
      await bob.post(`/reviews/${rejected.processId}/claim`);
      const alone = await bob.post(`/reviews/${rejected.processId}/decision`, {
        decision: 'reject',
        reason: 'documentFraudulent',
      });
      expect(alone.json()).toEqual({ state: 'decided', status: 'rejected' });
    } finally {
      await settings.put({ clientId: live.clientId, reviewInconclusive: [], fourEyes: false });
    }
  });

  it('answers by role: none 401, viewer 403, reviewer and admin 200; other clients are absent', async () => {
    const started = await queuedCase();
    const viewer = await signInOperator(server(), { role: 'viewer' });
    const limited = await signInOperator(server(), {
      role: 'reviewer',
      clients: [(await server().newClient('live')).clientId],
    });
    const anonymous = new (ann.constructor as new (baseUrl: string) => ConsoleClient)(server().baseUrl);
    const routes: [string, string, object?][] = [
      ['GET', '/reviews'],
      ['GET', '/reviews/reasons'],
      ['GET', `/reviews/${started.processId}`],
      ['POST', `/reviews/${started.processId}/claim`],
      ['DELETE', `/reviews/${started.processId}/claim`],
      ['POST', `/reviews/${started.processId}/decision`, { decision: 'reject', reason: 'other' }],
    ];
    for (const [method, path, body] of routes) {
      expect((await anonymous.request(method, path, body)).status, `${method} ${path} signed out`).toBe(401);
      expect((await viewer.request(method, path, body)).status, `${method} ${path} as viewer`).toBe(403);
    }
    for (const who of [ann, admin]) {
      expect((await who.get('/reviews')).status).toBe(200);
      expect((await who.get('/reviews/reasons')).status).toBe(200);
      expect((await who.get(`/reviews/${started.processId}`)).status).toBe(200);
    }
    expect((await admin.post(`/reviews/${started.processId}/claim`)).status).toBe(200);
    expect((await admin.delete(`/reviews/${started.processId}/claim`)).status).toBe(204);
    expect((await queue(limited)).map((i) => i.processId)).not.toContain(started.processId);
    for (const [method, path, body] of routes.slice(2)) {
      expect((await limited.request(method, path, body)).status, `${method} ${path} for another client`).toBe(404);
    }
  });

  // Last: the clock jumps past the operators' idle timeout.
  it('is left alone by the sweep of stuck processes, which still fails the others', async () => {
    const queued = await queuedCase();
    // A verification that never ends (the stand-in hangs for Paper): the sweep must fail this one.
    const api = await client();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatpaper',
      documentType: 'passport',
      documentCountry: 'UNIV',
    });
    const stuckPath = `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
    expect((await api.post(`${stuckPath}/images`, { front: await jpegDataUrl() })).status).toBe(201);
    expect((await api.post(stuckPath, {})).status).toBe(200);
    server().clock.advance(31 * 60_000);
    expect(await runNow(server().app.queue, failStuckProcesses, {})).toMatchObject({ outcome: 'completed' });
    expect((await (await client()).get(queued.path)).json<ProcessBody>().status).toBe('processing');
    expect((await (await client()).get(stuckPath)).json<ProcessBody>().status).toBe('failed');
  });
});
