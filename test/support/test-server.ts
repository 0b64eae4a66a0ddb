import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { createOpenAssure, type AppOptions, type OpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { ApiClient } from './api-client.js';
import { TestClock } from './clock.js';
import { createTestEnvironment, type StoreKind, type TestEnvironment } from './stores.js';
import { UpstreamSpec } from './upstream-spec.js';
import type { ClientEnvironment } from '../../src/core/domain.js';

// Without the document (outside CI only) responses are not checked against it; load() says so.
const spec = UpstreamSpec.load();

export interface TestServer {
  kind: StoreKind;
  env: TestEnvironment;
  app: OpenAssure;
  clock: TestClock;
  baseUrl: string;
  /** Every log line the server wrote. */
  logs: string[];
  /** Not authenticated. */
  anonymous: ApiClient;
  /** Authenticated as a sandbox client. */
  api: ApiClient;
  /** Authenticated as another sandbox client, to check tenant isolation. */
  other: ApiClient;
  newClient(environment?: ClientEnvironment): Promise<{ api: ApiClient; clientId: string; clientSecret: string }>;
  token(clientId: string, clientSecret: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Run a worker in the server (verifications finish, notifications go out). Off by default, so that
   * processes stay where a test puts them. */
  worker?: boolean;
  /** Parts the test composes itself (e.g. a verification backend that fails in a chosen way). */
  app?: Pick<AppOptions, 'backends'>;
  /** Listen on a port chosen before the server is made, so that its public URL, and every link it hands
   * out (capture links, handover links), carries that port: a browser can open those links as they are. */
  publicPort?: boolean;
}

/** A free loopback port, as the system gives one; the server takes it a moment later. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('No free port.');
  return address.port;
}

/** Starts a server on loopback on a fresh store of the given kind. */
export async function startTestServer(
  kind: StoreKind,
  extraEnv: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const env = await createTestEnvironment(kind);
  const logs: string[] = [];
  const clock = new TestClock();
  const port = options.publicPort ? await freePort() : 0;
  const publicUrl = port === 0 ? 'http://127.0.0.1' : `http://127.0.0.1:${port}`;
  const config = loadConfig({ ...env.env, ...extraEnv, OPENASSURE_PUBLIC_URL: publicUrl });
  const app = await createOpenAssure(config, {
    ...options.app,
    clock,
    logger: createLogger('info', { write: (line: string) => void logs.push(line) }),
  });
  await app.http.listen({ host: '127.0.0.1', port });
  if (options.worker) await app.startWorker();
  const address = app.http.server.address();
  if (typeof address !== 'object' || !address) throw new Error('The test server has no address.');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const anonymous = new ApiClient(baseUrl, undefined, spec);

  const token = async (clientId: string, clientSecret: string) => {
    const response = await fetch(`${baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    if (response.status !== 200) throw new Error(`token: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const newClient = async (environment: ClientEnvironment = 'sandbox') => {
    const created = await app.clients.create(`test-${environment}`, environment);
    return { ...created, api: anonymous.withToken(await token(created.clientId, created.clientSecret)) };
  };
  const [first, second] = [await newClient(), await newClient()];
  return {
    kind,
    env,
    app,
    clock,
    baseUrl,
    logs,
    anonymous,
    api: first.api,
    other: second.api,
    newClient,
    token,
    async close() {
      await app.close();
      await env.cleanup();
    },
  };
}

/** Starts a server before the suite and stops it after; the getter is valid inside tests. */
export function useTestServer(
  kind: StoreKind,
  extraEnv?: Record<string, string>,
  options?: TestServerOptions,
): () => TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(kind, extraEnv, options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (!server) throw new Error('The test server is not running.');
    return server;
  };
}
