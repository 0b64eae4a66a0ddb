import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { startTestServer, useTestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

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

/** The value of one sample of the exposition text (labels in any order), or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('metrics are off by default', () => {
  it('has no /metrics endpoint unless OPENASSURE_METRICS is on', async () => {
    const server = await startTestServer('sqlite');
    try {
      expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});

describe.each(storeKinds.filter((kind) => kind !== 'postgres+s3'))('metrics on %s', (kind) => {
  const server = useTestServer(
    kind,
    { OPENASSURE_METRICS: 'on', OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' },
    { worker: true },
  );
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await receiver.close();
  });
  const scrape = async () => {
    const response = await fetch(`${server().baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('times requests by route pattern, never with the ids of the URL', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    for (let i = 0; i < 3; i++) expect((await api.get(`/assure/dossiers/${dossierId}`)).status).toBe(200);
    await fetch(`${server().baseUrl}/assure/no/such/${dossierId}`);
    const text = await scrape();
    expect(
      sample(text, 'openassure_http_request_duration_seconds_count', {
        method: 'GET',
        route: '/assure/dossiers/:dossierId',
        status_code: '200',
      }),
    ).toBe(3);
    expect(sample(text, 'openassure_http_request_duration_seconds_count', { route: 'unmatched' })).toBeGreaterThan(0);
    expect(text).not.toContain(dossierId);
    // The process's own figures (memory, event loop) come along.
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts final statuses by provider, their time to final, and webhook deliveries by outcome', async () => {
    const { api } = await server().newClient();
    receiver.answer(() => ({ status: 200 }));
    const endpoint = await api.post('/assure/webhooks', { url: receiver.url('/metrics-hook') });
    expect(endpoint.status).toBe(201);
    const before = await scrape();
    const failedBefore =
      sample(before, 'openassure_verifications_total', { provider: 'onfido', status: 'failed' }) ?? 0;
    const deliveredBefore = sample(before, 'openassure_webhook_deliveries_total', { outcome: 'completed' }) ?? 0;

    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const process = await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' });
    const { processId } = process.json<{ processId: string }>();
    server().clock.advance(90_000);
    expect((await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/fail`)).status).toBe(200);

    const text = await eventually(async () => {
      const current = await scrape();
      const delivered = sample(current, 'openassure_webhook_deliveries_total', { outcome: 'completed' }) ?? 0;
      // Two events per final status: process.status_changed and process.completed.
      return delivered >= deliveredBefore + 2 ? current : undefined;
    });
    expect(sample(text, 'openassure_verifications_total', { provider: 'onfido', status: 'failed' })).toBe(
      failedBefore + 1,
    );
    // Ninety seconds from creation to the final status: in the 300 s bucket, not in the 60 s one.
    const inBucket = (le: string) =>
      sample(text, 'openassure_verification_time_to_final_seconds_bucket', {
        provider: 'onfido',
        status: 'failed',
        le,
      });
    expect(inBucket('300')! - inBucket('60')!).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'openassure_jobs_settled_total', { kind: 'deliver-notification', outcome: 'completed' }),
    ).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain(processId);
    expect(text).not.toContain(dossierId);
  });
});

describe.each(storeKinds.filter((kind) => kind !== 'postgres+s3'))('queue metrics on %s (no worker)', (kind) => {
  // No worker: the jobs the test makes stay in the queue.
  const server = useTestServer(kind, { OPENASSURE_METRICS: 'on', OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' });
  const receiver = { url: (path: string) => `http://127.0.0.1:9${path}` };
  const scrape = async () => (await fetch(`${server().baseUrl}/metrics`)).text();

  it('reads queue depth and the oldest due job per kind on each scrape', async () => {
    const s = server();
    const { api } = await s.newClient();
    await api.post('/assure/webhooks', { url: receiver.url('/queued') });
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' })).json<{
      processId: string;
    }>();
    await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/fail`);
    s.clock.advance(30_000);
    const text = await scrape();
    expect(sample(text, 'openassure_queue_stats_up')).toBe(1);
    expect(sample(text, 'openassure_queue_waiting_jobs', { kind: 'deliver-notification' })).toBeGreaterThanOrEqual(2);
    if (s.app.queue.kind === 'sqlite') {
      // The SQLite queue runs on the server's clock; pg-boss on PostgreSQL's.
      expect(
        sample(text, 'openassure_queue_oldest_due_job_age_seconds', { kind: 'deliver-notification' }),
      ).toBeGreaterThanOrEqual(30);
    } else {
      expect(
        sample(text, 'openassure_queue_oldest_due_job_age_seconds', { kind: 'deliver-notification' }),
      ).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('metrics on a port of their own', () => {
  it('serves /metrics on OPENASSURE_METRICS_PORT and not on the API port', async () => {
    const server = await startTestServer('sqlite', { OPENASSURE_METRICS_PORT: '0' });
    try {
      await server.app.listenMetrics();
      const address = server.app.metricsServer!.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('openassure_http_request_duration_seconds');
      expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
