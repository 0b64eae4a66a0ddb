import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../app.js';
import { loadConfig } from '../config/config.js';
import { newId } from '../core/ids.js';
import { Sealer } from '../crypto/sealer.js';
import type { JobHandle, RunnableJob } from '../jobs/define-job.js';
import { deliverNotification } from '../jobs/definitions.js';
import type { EnqueueOptions, JobQueue } from '../jobs/types.js';
import { createLogger } from '../logging/logger.js';
import type { Store } from '../store/store.js';
import { TestClock } from '../../test/support/clock.js';
import { storeKinds } from '../../test/support/store-kinds.js';
import { createTestEnvironment, type TestEnvironment } from '../../test/support/stores.js';
import { WebhookReceiver } from '../../test/support/webhook-receiver.js';
import { deliverHandlers, type DeliverPayload } from './deliver-job.js';
import { NotificationPlanner } from './planner.js';
import { retryDelaysMs } from './retry-schedule.js';
import { newSigningSecret } from './signing.js';
import type { ProcessRecord } from '../core/domain.js';

/** The queue port, recording what the job enqueues so the test can run each attempt itself. */
class RecordingQueue implements JobQueue {
  readonly kind = 'sqlite' as const;
  readonly jobs: { name: string; payload: DeliverPayload; delayMs: number }[] = [];
  async init(): Promise<void> {}
  async enqueue<P extends object>(job: JobHandle<P>, payload: P, options: EnqueueOptions = {}): Promise<string> {
    if (!deliverNotification.accepts(payload)) throw new Error(`Only ${deliverNotification.name} is expected here.`);
    this.jobs.push({ name: job.name, payload, delayMs: options.delayMs ?? 0 });
    return newId();
  }
  async startWorker(): Promise<void> {}
  async schedule(): Promise<void> {}
  onSettled(): () => void {
    return () => undefined;
  }
  async stats(): Promise<never[]> {
    return [];
  }
  async stop(): Promise<void> {}
}

describe.each(storeKinds)('deliver-notification job on %s', (kind) => {
  let env: TestEnvironment;
  let store: Store;
  let receiver: WebhookReceiver;
  const clock = new TestClock();
  const sealer = new Sealer(randomBytes(32));
  const logger = createLogger('silent');
  const queue = new RecordingQueue();
  let job: RunnableJob;
  let refusingJob: RunnableJob;

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    store = await openStore(loadConfig(env.env));
    receiver = await WebhookReceiver.start();
    job = deliverNotification.handledBy(deliverHandlers({ store, clock, logger, queue, sealer, allowPrivate: true }));
    refusingJob = deliverNotification.handledBy(
      deliverHandlers({ store, clock, logger, queue, sealer, allowPrivate: false }),
    );
  });
  afterAll(async () => {
    await receiver.close();
    await store.close();
    await env.cleanup();
  });

  /** A client with a failed process, whose status change has been planned; returns the planned jobs. */
  async function statusChange(options: { endpoints?: string[]; notificationUrl?: string; authorization?: string }) {
    const now = clock.now();
    const clientId = newId();
    await store.repos.clients.insert({
      id: clientId,
      name: 'c',
      secretHash: 'x',
      environment: 'sandbox',
      createdAt: now,
      updatedAt: now,
    });
    const secrets: string[] = [];
    const endpointIds: string[] = [];
    for (const url of options.endpoints ?? []) {
      const secret = newSigningSecret();
      const id = newId();
      secrets.push(secret);
      endpointIds.push(id);
      await store.repos.webhookEndpoints.insert({
        id,
        clientId,
        url,
        events: ['process.completed'],
        secretSealed: sealer.sealText(secret),
        status: 'active',
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    const dossierId = newId();
    await store.repos.dossiers.insert({
      id: dossierId,
      clientId,
      externalReference: null,
      createdAt: now,
      updatedAt: now,
    });
    const process = newProcess(clientId, dossierId, now, options, sealer);
    await store.repos.processes.insert(process);
    const before = queue.jobs.length;
    await new NotificationPlanner(queue).statusChanged(store.repos, process, now);
    const planned = queue.jobs.slice(before).map((j) => j.payload);
    return { clientId, process, secrets, endpointIds, planned };
  }

  /** One attempt of the job, with the payload as the queue hands it back (parsed JSON). */
  const run = async (payload: DeliverPayload, definition = job) => {
    const context = { jobId: newId(), attempt: 1, lastAttempt: false, logger };
    const result = await definition.run(JSON.parse(JSON.stringify(payload)), context);
    expect(result).toEqual({ outcome: 'completed' });
  };

  async function deliveryOf(payload: DeliverPayload) {
    const delivery = await store.repos.deliveries.findById(payload.deliveryId);
    const attempts = delivery?.endpointId
      ? (await store.repos.deliveries.listForEndpoint(delivery.endpointId, 100)).find(
          (d) => d.delivery.id === delivery.id,
        )?.attempts
      : undefined;
    return { delivery: delivery!, attempts: attempts ?? [] };
  }

  it('signs and delivers a message to a subscribed endpoint, once', async () => {
    receiver.answer(() => ({ status: 204 }));
    const start = receiver.requests.length;
    const { planned, secrets, process } = await statusChange({ endpoints: [receiver.url('/signed')] });
    expect(planned).toHaveLength(1);
    await run(planned[0]!);
    const [request] = receiver.requests.slice(start);
    expect(request).toMatchObject({ method: 'POST', path: '/signed' });
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('OpenAssure-Webhooks/1');
    expect(request!.headers['webhook-id']).toBe(planned[0]!.deliveryId);
    expect(request!.headers['webhook-timestamp']).toBe(String(Math.floor(clock.now() / 1000)));
    const verified = new Webhook(secrets[0]!).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toMatchObject({
      type: 'process.completed',
      data: { dossierId: process.dossierId, processId: process.id, provider: 'onfido', status: 'failed' },
    });
    const { delivery, attempts } = await deliveryOf(planned[0]!);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, nextAttemptAt: null });
    expect(attempts).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 204, error: null, outcome: 'delivered' }),
    ]);

    // Running the same job again (a redelivered job) sends nothing.
    await run(planned[0]!);
    await run({ deliveryId: planned[0]!.deliveryId, attempt: 2 });
    expect(receiver.requests.length - start).toBe(1);
  });

  it('retries on the schedule with the same webhook-id, then dead-letters after ten attempts', async () => {
    receiver.answer(() => ({ status: 500, body: 'no' }));
    const start = receiver.requests.length;
    const { planned, secrets } = await statusChange({ endpoints: [receiver.url('/down')] });
    let payload: DeliverPayload | undefined = planned[0];
    const delays: number[] = [];
    while (payload) {
      const queued = queue.jobs.length;
      await run(payload);
      const next = queue.jobs.slice(queued);
      expect(next.length).toBeLessThanOrEqual(1);
      if (next[0]) {
        expect(next[0].name).toBe(deliverNotification.name);
        delays.push(next[0].delayMs);
        clock.advance(next[0].delayMs);
      }
      payload = next[0]?.payload;
    }
    const received = receiver.requests.slice(start);
    expect(received).toHaveLength(10);
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set([planned[0]!.deliveryId]));
    // Each attempt is signed afresh for its own time, so receivers' 5-minute window still holds.
    const stamps = received.map((r) => Number(r.headers['webhook-timestamp']));
    expect(new Set(stamps).size).toBe(10);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(stamps.at(-1)).toBe(Math.floor(clock.now() / 1000));
    const first = received[0]!;
    expect(() => new Webhook(secrets[0]!).verify(first.body, first.headers as Record<string, string>)).not.toThrow();
    expect(delays).toHaveLength(9);
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(retryDelaysMs[i]! * 0.9);
      expect(delay).toBeLessThanOrEqual(retryDelaysMs[i]! * 1.1);
    });
    const { delivery, attempts } = await deliveryOf(planned[0]!);
    expect(delivery).toMatchObject({ status: 'dead', attempts: 10, nextAttemptAt: null });
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.outcome, a.error])).toEqual(
      Array.from({ length: 10 }, (_, i) => [i + 1, 500, 'failed', 'The receiver answered 500.']),
    );
  });

  it('takes a 3xx for a failure and does not follow it', async () => {
    const start = receiver.requests.length;
    receiver.answer((request) =>
      request.path === '/moved' ? { status: 301, headers: { location: receiver.url('/elsewhere') } } : { status: 200 },
    );
    const { planned } = await statusChange({ endpoints: [receiver.url('/moved')] });
    const queued = queue.jobs.length;
    await run(planned[0]!);
    expect(receiver.requests.slice(start).map((r) => r.path)).toEqual(['/moved']);
    const { delivery, attempts } = await deliveryOf(planned[0]!);
    expect(delivery.status).toBe('pending');
    expect(delivery.nextAttemptAt).toBeGreaterThan(clock.now());
    expect(attempts[0]).toMatchObject({
      statusCode: 301,
      outcome: 'failed',
      error: expect.stringContaining('redirects are not followed'),
    });
    expect(queue.jobs.slice(queued).map((j) => j.payload)).toEqual([
      { deliveryId: planned[0]!.deliveryId, attempt: 2 },
    ]);
  });

  it('honours a longer Retry-After on 503', async () => {
    receiver.answer(() => ({ status: 503, headers: { 'retry-after': '900' } }));
    const { planned } = await statusChange({ endpoints: [receiver.url('/busy')] });
    const queued = queue.jobs.length;
    await run(planned[0]!);
    expect(queue.jobs.slice(queued).map((j) => j.delayMs)).toEqual([900_000]);
    expect((await deliveryOf(planned[0]!)).delivery.nextAttemptAt).toBe(clock.now() + 900_000);
  });

  it('disables an endpoint that answers 410, and drops its other pending messages unsent', async () => {
    receiver.answer(() => ({ status: 410 }));
    const start = receiver.requests.length;
    const { planned, endpointIds, clientId, process } = await statusChange({ endpoints: [receiver.url('/gone')] });
    // A second status change of the same process, waiting behind the first.
    const before = queue.jobs.length;
    await new NotificationPlanner(queue).statusChanged(store.repos, process, clock.now());
    const second = queue.jobs.slice(before).map((j) => j.payload);
    const queued = queue.jobs.length;
    await run(planned[0]!);
    expect(await store.repos.webhookEndpoints.find(clientId, endpointIds[0]!)).toMatchObject({
      status: 'disabled',
      disabledReason: 'The endpoint answered 410 Gone.',
    });
    expect((await deliveryOf(planned[0]!)).attempts).toEqual([
      expect.objectContaining({ statusCode: 410, outcome: 'gone' }),
    ]);
    expect((await deliveryOf(planned[0]!)).delivery.status).toBe('dead');

    await run(second[0]!);
    const dropped = await deliveryOf(second[0]!);
    expect(dropped.delivery.status).toBe('dead');
    expect(dropped.attempts[0]).toMatchObject({
      statusCode: null,
      error: expect.stringContaining('endpoint is disabled'),
    });
    expect(receiver.requests.length - start).toBe(1);
    expect(queue.jobs.length).toBe(queued);
  });

  it('refuses a loopback receiver without allowPrivate, and records why', async () => {
    const start = receiver.requests.length;
    const { planned } = await statusChange({ endpoints: [receiver.url('/private')] });
    await run(planned[0]!, refusingJob);
    expect(receiver.requests.length).toBe(start);
    const { delivery, attempts } = await deliveryOf(planned[0]!);
    expect(delivery.status).toBe('pending');
    expect(attempts[0]).toMatchObject({
      statusCode: null,
      outcome: 'failed',
      error: expect.stringMatching(/127\.0\.0\.1 \(loopback\)/),
    });
  });

  it('posts the legacy callback with the Authorization value verbatim, unsigned', async () => {
    receiver.answer(() => ({ status: 200 }));
    const start = receiver.requests.length;
    const authorization = 'Basic dXNlcjpjYW5hcnktc2VjcmV0';
    const { planned, process } = await statusChange({ notificationUrl: receiver.url('/legacy?x=1'), authorization });
    expect(planned).toHaveLength(1);
    await run(planned[0]!);
    const [request] = receiver.requests.slice(start);
    expect(request).toMatchObject({ method: 'POST', path: '/legacy?x=1' });
    expect(JSON.parse(request!.body)).toEqual({
      dossierId: process.dossierId,
      processId: process.id,
      status: 'failed',
    });
    expect(request!.headers.authorization).toBe(authorization);
    expect(request!.headers['webhook-signature']).toBeUndefined();
    expect((await store.repos.deliveries.findById(planned[0]!.deliveryId))?.status).toBe('delivered');
  });

  it('drops a legacy message whose process was deleted, and an endpoint message whose endpoint was deleted', async () => {
    const start = receiver.requests.length;
    const legacy = await statusChange({ notificationUrl: receiver.url('/legacy') });
    await store.repos.processes.deleteByDossier(legacy.clientId, legacy.process.dossierId);
    await run(legacy.planned[0]!);
    const subscribed = await statusChange({ endpoints: [receiver.url('/deleted')] });
    await store.repos.webhookEndpoints.delete(subscribed.clientId, subscribed.endpointIds[0]!);
    await run(subscribed.planned[0]!);
    expect(receiver.requests.length).toBe(start);
    for (const payload of [legacy.planned[0]!, subscribed.planned[0]!]) {
      expect((await store.repos.deliveries.findById(payload.deliveryId))?.status).toBe('dead');
    }
  });

  it('dead-letters payloads that are not its own, without sending anything', async () => {
    const start = receiver.requests.length;
    const context = { jobId: newId(), attempt: 1, lastAttempt: false, logger };
    const deliveryId = `msg_${'a'.repeat(32)}`;
    expect(await job.run({}, context)).toMatchObject({
      outcome: 'invalid',
      problems: [expect.stringContaining('deliveryId')],
    });
    expect(await job.run({ deliveryId, attempt: 0 }, context)).toMatchObject({
      outcome: 'invalid',
      problems: ['/attempt must be >= 1'],
    });
    expect(await job.run({ deliveryId: 'x' }, context)).toMatchObject({ outcome: 'invalid' });
    expect(receiver.requests.length).toBe(start);
  });
});

function newProcess(
  clientId: string,
  dossierId: string,
  now: number,
  options: { notificationUrl?: string; authorization?: string },
  sealer: Sealer,
): ProcessRecord {
  return {
    id: newId(),
    dossierId,
    clientId,
    provider: 'onfido',
    processType: 'documentSelfie',
    status: 'failed',
    documentType: null,
    documentCountry: null,
    documentId: null,
    options: {},
    notificationUrl: options.notificationUrl ?? null,
    notificationAuthSealed: options.authorization === undefined ? null : sealer.sealText(options.authorization),
    externalId: null,
    failReason: null,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: now,
    sandboxScenario: null,
    outcome: null,
    rawResultKey: null,
    startInputKey: null,
    firstImageAt: null,
    engineOutputKey: null,
  };
}
