import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import {
  AssureError,
  createAssureClient,
  TokenError,
  unwrap,
  verifyWebhook,
  type AssureClient,
} from '../../packages/client/src/index.js';
import { TokenSource } from '../../packages/client/src/tokens.js';
import { jpegDataUrl } from '../support/images.js';
import { useTestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** A fetch that counts the token requests it passes on to the real one. */
function countingFetch() {
  const counts = { token: 0, api: 0 };
  const counted: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith('/auth/open/connect/token')) counts.token++;
    else counts.api++;
    return fetch(input, init);
  };
  return { counts, fetch: counted };
}

async function finalProcess(client: AssureClient, dossierId: string, processId: string) {
  const params = { path: { dossierId, processId } };
  return expect
    .poll(async () => await unwrap(client.api.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params })), {
      timeout: 30_000,
      interval: 100,
    })
    .toSatisfy((process) => ['accepted', 'rejected', 'inconclusive', 'failed'].includes(process.status));
}

describe('the typed client SDK against a real server', () => {
  const server = useTestServer('sqlite', { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' }, { worker: true });
  let credentials: { clientId: string; clientSecret: string };
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    const { clientId, clientSecret } = await server().newClient('sandbox');
    credentials = { clientId, clientSecret };
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => receiver.close());

  const clientFor = (fetchImpl?: typeof fetch) =>
    createAssureClient({ baseUrl: server().baseUrl, ...credentials, ...(fetchImpl && { fetch: fetchImpl }) });

  it('runs a sandbox scenario end to end with typed calls, and the webhook verifies', async () => {
    const client = clientFor();
    const endpoint = await unwrap(
      client.api.POST('/assure/webhooks', { body: { url: receiver.url('/sdk'), events: ['process.completed'] } }),
    );
    const scenario = client.withSandboxScenario('onfido-inconclusive-suspected-document');
    const { dossierId } = await unwrap(scenario.api.POST('/assure/dossiers', { body: {} }));
    const { processId } = await unwrap(
      scenario.api.POST('/assure/dossiers/{dossierId}/processes', {
        params: { path: { dossierId } },
        body: { provider: 'onfido', documentType: 'passport' },
      }),
    );
    const params = { path: { dossierId, processId } };
    await unwrap(
      scenario.api.POST('/assure/dossiers/{dossierId}/processes/{processId}/images', {
        params,
        body: { front: await jpegDataUrl(240, 200), selfie: await jpegDataUrl(200, 240) },
      }),
    );
    await unwrap(scenario.api.POST('/assure/dossiers/{dossierId}/processes/{processId}', { params, body: {} }));
    await finalProcess(client, dossierId, processId);
    const process = await unwrap(client.api.GET('/assure/dossiers/{dossierId}/processes/{processId}', { params }));
    // The scenario the header picked, not the default accepted one.
    expect(process.status).toBe('inconclusive');

    const [delivery] = await receiver.waitFor(1);
    const event = await verifyWebhook<{ processId?: string; data?: { processId?: string } }>(
      endpoint.secret!,
      delivery!.headers as Record<string, string>,
      delivery!.body,
    );
    expect(JSON.stringify(event)).toContain(processId);
    await expect(
      verifyWebhook(
        endpoint.secret!,
        delivery!.headers as Record<string, string>,
        delivery!.body.replace(processId, 'x'),
      ),
    ).rejects.toThrow(/No webhook signature matches/);
  });

  it('throws the upstream error as an AssureError with its trace id', async () => {
    const client = clientFor();
    const missing = '00000000-0000-4000-8000-000000000000';
    const error = await unwrap(
      client.api.GET('/assure/dossiers/{dossierId}', { params: { path: { dossierId: missing } } }),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssureError);
    expect((error as AssureError).status).toBe(404);
    expect((error as AssureError).problem).toMatchObject({ type: 'base:client-problem', title: 'Not Found' });
    expect((error as AssureError).traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fetches one token for a burst of calls, and a fresh one when the server refuses it', async () => {
    const { counts, fetch: counted } = countingFetch();
    let spoilNext = false;
    // Stands in for a token the server stopped accepting (keys rotated, token revoked).
    const spoiling: typeof fetch = (input, init) => {
      if (spoilNext && input instanceof Request && !input.url.endsWith('/token')) {
        spoilNext = false;
        input.headers.set('authorization', 'Bearer not-a-token');
      }
      return counted(input, init);
    };
    const client = clientFor(spoiling);
    await Promise.all(Array.from({ length: 8 }, () => unwrap(client.api.POST('/assure/dossiers', { body: {} }))));
    expect(counts.token).toBe(1);
    spoilNext = true;
    const dossier = await unwrap(client.api.POST('/assure/dossiers', { body: { externalReference: 'after-401' } }));
    expect(dossier.dossierId).toBeTruthy();
    expect(counts.token).toBe(2);
  });

  it('renews a token before it expires', async () => {
    let now = Date.now();
    const { counts, fetch: counted } = countingFetch();
    const tokens = new TokenSource({ baseUrl: server().baseUrl, ...credentials, fetch: counted, now: () => now });
    const first = await tokens.token();
    expect(await tokens.token()).toBe(first);
    now += 60 * 60 * 1000;
    await tokens.token();
    expect(counts.token).toBe(2);
  });

  it('reports refused credentials as a TokenError in OAuth terms', async () => {
    const client = createAssureClient({
      baseUrl: server().baseUrl,
      clientId: credentials.clientId,
      clientSecret: 'wrong',
    });
    const error = await unwrap(client.api.POST('/assure/dossiers', { body: {} })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenError);
    expect(error).toMatchObject({ status: 401, error: 'invalid_client' });
  });
});
