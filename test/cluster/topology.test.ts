import { createAssureClient, unwrap } from '../../packages/client/src/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Topology } from '../../bench/cluster/topology.js';
import { startVerification, subscribe, waitFinal } from '../../bench/cluster/verifications.js';
import { WebhookSink } from '../../bench/cluster/webhook-sink.js';
import { jpegDataUrl } from '../support/images.js';
import { postgresUnavailableReason } from '../support/stores.js';

// The cluster topology of bench/cluster, smaller: two API nodes and one worker as real processes on
// PostgreSQL and s3rver, behind the round-robin proxy, driven through the SDK.
describe.skipIf(await postgresUnavailableReason())('a cluster of API nodes and a worker', () => {
  let topology: Topology;
  let sink: WebhookSink;

  beforeAll(async () => {
    topology = await Topology.start({ apiNodes: 2, workers: 1 });
    sink = await WebhookSink.start();
  }, 180_000);
  afterAll(async () => {
    await sink?.close();
    await topology?.stop();
  });

  const clientFor = (baseUrl: string) => createAssureClient({ baseUrl, ...topology.client });

  it('accepts on node B a token issued by node A', async () => {
    const [a, b] = topology.apiUrls as [string, string];
    const response = await fetch(`${a}/auth/open/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: topology.client.clientId,
        client_secret: topology.client.clientSecret,
      }),
    });
    const { access_token: token } = (await response.json()) as { access_token: string };
    const onB = await fetch(`${b}/assure/dossiers`, { headers: { authorization: `Bearer ${token}` } });
    expect(onB.status).toBe(200);
    const forged = await fetch(`${b}/assure/dossiers`, { headers: { authorization: `Bearer ${token}x` } });
    expect(forged.status).toBe(401);
  });

  it('completes through the worker a process created on node A, with one webhook per endpoint', async () => {
    const [a, b] = topology.apiUrls as [string, string];
    const { api: apiA } = clientFor(a);
    for (const endpoint of ['first', 'second']) sink.setSecret(endpoint, await subscribe(apiA, sink.url(endpoint)));
    const photo = await jpegDataUrl();
    const started = await Promise.all([startVerification(apiA, photo), startVerification(apiA, photo)]);
    // Read back through node B and through the proxy: every node sees the worker's result.
    const { api: apiB } = clientFor(b);
    const { api: viaProxy } = clientFor(topology.proxy.url);
    expect(await waitFinal(apiB, started[0]!, 60_000)).toBe('accepted');
    expect(await waitFinal(viaProxy, started[1]!, 60_000)).toBe('accepted');
    const image = await unwrap(
      apiB.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params: { path: started[0]! } }),
    );
    expect(image.status).toBe('accepted');

    const ids = started.map((s) => s.processId);
    const deadline = Date.now() + 30_000;
    while (sink.tally(ids).some((t) => t.once < ids.length) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // Give a duplicate the time to show up if there were one.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const tally of sink.tally(ids)) {
      expect(tally).toMatchObject({ once: 2, lost: 0, duplicated: 0, redelivered: 0 });
    }
    expect(sink.rejected).toBe(0);
  }, 120_000);
});
