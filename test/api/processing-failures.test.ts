import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failStuckProcesses, verifyProcess } from '../../src/jobs/definitions.js';
import type { BackendInput, BackendResult, VerificationBackend } from '../../src/verification/backend.js';
import type { ApiClient } from '../support/api-client.js';
import { jpegDataUrl } from '../support/images.js';
import { runNow, SettledJobs } from '../support/settled-jobs.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';
import { WebhookReceiver, type ReceivedRequest } from '../support/webhook-receiver.js';

/**
 * The vendor behind sandbox verifications, as the test wants it: `down` (every call fails, as a
 * connection refused would) or `hanging` (no answer until released, then an acceptance).
 */
class ControlledVendor implements VerificationBackend {
  mode: 'down' | 'hanging' = 'down';
  readonly calls: string[] = [];
  private readonly waiters = new Set<() => void>();
  private release: () => void = () => {};
  private released = new Promise<void>((resolve) => (this.release = resolve));

  async produce({ process }: BackendInput): Promise<BackendResult> {
    this.calls.push(process.id);
    for (const wake of this.waiters) wake();
    if (this.mode === 'down') throw new Error('connect ECONNREFUSED 192.0.2.10:443');
    await this.released;
    return { outcome: { status: 'accepted' } };
  }

  /** Resolves once the vendor has been asked about this process. */
  async calledFor(processId: string): Promise<void> {
    while (!this.calls.includes(processId)) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
      });
    }
  }

  answerAll(): void {
    this.release();
  }
}

interface Message {
  type: string;
  data: { processId: string; status: string };
}

interface ProcessBody {
  status: string;
  failReason?: { type?: string; message?: string; traceId?: string };
}

describe.each(storeKinds)('processes that cannot finish on %s', (kind) => {
  const vendor = new ControlledVendor();
  const server = useTestServer(
    kind,
    {
      OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true',
      OPENASSURE_VERIFY_ATTEMPTS: '2',
      OPENASSURE_VERIFY_RETRY_SECONDS: '1',
      // Room for hanging verifications beside the sweep and the notifications.
      OPENASSURE_WORKER_CONCURRENCY: '4',
    },
    { worker: true, app: { backends: { sandbox: vendor } } },
  );
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    // Runs before the server closes: its worker waits for the verifications that hang.
    vendor.answerAll();
    await receiver.close();
  });

  /** The first request on `path` that matches, waiting for the receiver as long as there is none. */
  async function received(path: string, match: (request: ReceivedRequest) => boolean): Promise<ReceivedRequest> {
    for (;;) {
      const found = receiver.requests.find((request) => request.path === path && match(request));
      if (found) return found;
      await receiver.waitFor(receiver.requests.length + 1);
    }
  }

  async function subscribe(api: ApiClient, path: string): Promise<string> {
    const response = await api.post('/assure/webhooks', { url: receiver.url(path) });
    expect(response.status).toBe(201);
    return response.json<{ secret: string }>().secret;
  }

  /** A Signicat Paper process with its front uploaded, moved to processing by Start verification. */
  async function startProcess(api: ApiClient, fields: Record<string, unknown> = {}) {
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatpaper',
      documentType: 'passport',
      documentCountry: 'NLD',
      ...fields,
    });
    expect(created.status).toBe(201);
    const { processId } = created.json<{ processId: string }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    expect((await api.post(`${path}/images`, { front: await jpegDataUrl() })).status).toBe(201);
    expect((await api.post(path, {})).json<ProcessBody>().status).toBe('processing');
    return { processId, path };
  }

  const logLines = () => server().logs.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('fails a process whose verification fails on every attempt, and notifies its client', async () => {
    vendor.mode = 'down';
    const { api } = await server().newClient();
    const secret = await subscribe(api, '/down/webhook');
    const settled = new SettledJobs(server().app.queue);
    const { processId, path } = await startProcess(api, { notificationUrl: receiver.url('/down/legacy') });

    const first = await settled.waitFor((job) => job.name === verifyProcess.name && job.outcome === 'retrying');
    // The SQLite queue waits for the retry on the server's clock; pg-boss waits the real second.
    server().clock.advance(2_000);
    await settled.waitFor((job) => job.id === first.id && job.outcome === 'failed');
    settled.close();
    expect(vendor.calls.filter((id) => id === processId)).toHaveLength(2);

    const process = (await api.get(path)).json<ProcessBody>();
    expect(process).toMatchObject({
      status: 'failed',
      failReason: {
        type: 'VerificationFailed',
        message: expect.stringContaining('failed on every attempt'),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    // What went wrong inside stays in the log, under the traceId the client was given.
    expect(JSON.stringify(process.failReason)).not.toContain('ECONNREFUSED');
    const traceId = process.failReason!.traceId;
    expect(logLines().find((line) => line.traceId === traceId && line.level === 50)).toMatchObject({
      job: verifyProcess.name,
      attempt: 2,
      err: { message: 'connect ECONNREFUSED 192.0.2.10:443' },
    });

    const legacy = await received('/down/legacy', (r) => JSON.parse(r.body).status === 'failed');
    expect(JSON.parse(legacy.body)).toEqual({ dossierId: expect.any(String), processId, status: 'failed' });
    for (const type of ['process.status_changed', 'process.completed']) {
      const request = await received('/down/webhook', (r) => {
        const body = JSON.parse(r.body) as Message;
        return body.type === type && body.data.status === 'failed';
      });
      const message = new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
      expect(message).toMatchObject({ type, data: { processId, status: 'failed' } });
    }
  });

  it('fails a process left in processing longer than the processing timeout, and only that one', async () => {
    vendor.mode = 'hanging';
    const client = await server().newClient();
    const secret = await subscribe(client.api, '/stuck/webhook');
    const settled = new SettledJobs(server().app.queue);
    const stuck = await startProcess(client.api, { notificationUrl: receiver.url('/stuck/legacy') });
    await vendor.calledFor(stuck.processId);

    server().clock.advance(31 * 60_000);
    // Access tokens do not outlive the jump: take a new one.
    const api = client.api.withToken(await server().token(client.clientId, client.clientSecret));
    const young = await startProcess(api);
    await vendor.calledFor(young.processId);
    expect(await runNow(server().app.queue, failStuckProcesses, {})).toMatchObject({ outcome: 'completed' });

    const swept = (await api.get(stuck.path)).json<ProcessBody>();
    expect(swept).toMatchObject({
      status: 'failed',
      failReason: {
        type: 'ProcessingTimeout',
        message: expect.stringContaining('did not finish within 30 minutes'),
        traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
      },
    });
    expect(logLines().find((line) => line.traceId === swept.failReason!.traceId)).toMatchObject({
      level: 40,
      processId: stuck.processId,
      minutes: 30,
    });
    expect((await api.get(young.path)).json<ProcessBody>().status).toBe('processing');
    const legacy = await received('/stuck/legacy', (r) => JSON.parse(r.body).status === 'failed');
    expect(JSON.parse(legacy.body)).toMatchObject({ processId: stuck.processId });
    const completed = await received('/stuck/webhook', (r) => {
      const body = JSON.parse(r.body) as Message;
      return body.type === 'process.completed' && body.data.processId === stuck.processId;
    });
    // Signed at the server's time, 31 minutes ahead, which verify() would refuse as too new: check the signature.
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = completed.headers;
    const signedAt = new Date(Number(timestamp) * 1000);
    expect(signature).toBe(new Webhook(secret).sign(String(id), signedAt, completed.body));
    expect(JSON.parse(completed.body)).toMatchObject({ data: { processId: stuck.processId, status: 'failed' } });

    // The vendor answers at last: the young process takes the answer, the failed one keeps its status.
    vendor.answerAll();
    await received('/stuck/webhook', (r) => {
      const body = JSON.parse(r.body) as Message;
      return body.type === 'process.completed' && body.data.processId === young.processId;
    });
    await settled.waitFor(
      () => settled.jobs.filter((job) => job.name === verifyProcess.name && job.outcome === 'completed').length >= 2,
    );
    settled.close();
    expect((await api.get(young.path)).json<ProcessBody>().status).toBe('accepted');
    expect((await api.get(stuck.path)).json<ProcessBody>()).toEqual(swept);
  });
});
