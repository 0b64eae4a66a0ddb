/**
 * OpenAssure in a process of its own, for the benchmarks: started by startChild() with
 * OpenAssureServerSettings as JSON in argv[2]; announces its port and a ready access token.
 */
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { announceReady, closeOnSigterm } from './child.js';
import { fetchToken, postJson } from './http.js';

export interface OpenAssureServerSettings {
  /** Environment for loadConfig: OPENASSURE_DATA_DIR, and DATABASE_URL for PostgreSQL. */
  env: Record<string, string>;
  /** Use this existing client; otherwise a new sandbox client is created. */
  client?: { id: string; secret: string };
  /** Also create a dossier with an onfido process through the API, to read back. */
  withProcess?: boolean;
  /** Run a worker in the server process too (verifications finish). */
  worker?: boolean;
  /** The environment of the client created when none is given: 'sandbox' (default) or 'live'. */
  environment?: 'sandbox' | 'live';
}

export interface OpenAssureServerInfo {
  port: number;
  token: string;
  clientId: string;
  dossierId?: string;
  processId?: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as OpenAssureServerSettings;
const config = loadConfig({
  ...settings.env,
  OPENASSURE_PUBLIC_URL: 'http://127.0.0.1',
  // Long enough that no token expires during a run.
  OPENASSURE_TOKEN_TTL_SECONDS: '3600',
});
// 'warn': per-request info lines would cost more than some of the requests being measured. They go
// to stderr because stdout carries the ready line.
const app = await createOpenAssure(config, { logger: createLogger('warn', process.stderr) });
closeOnSigterm(() => app.close());
await app.http.listen({ host: '127.0.0.1', port: 0 });
if (settings.worker) await app.startWorker();
const address = app.http.server.address();
if (typeof address !== 'object' || address === null) throw new Error('The server has no address.');
const baseUrl = `http://127.0.0.1:${address.port}`;

const client = settings.client ?? (await newClient());
const token = await fetchToken(baseUrl, client.id, client.secret);
const info: OpenAssureServerInfo = { port: address.port, token, clientId: client.id };
if (settings.withProcess) {
  const dossier = await postJson<{ dossierId: string }>(`${baseUrl}/assure/dossiers`, token, {}, 'create dossier');
  const created = await postJson<{ processId: string }>(
    `${baseUrl}/assure/dossiers/${dossier.dossierId}/processes`,
    token,
    { provider: 'onfido' },
    'create process',
  );
  Object.assign(info, { dossierId: dossier.dossierId, processId: created.processId });
}
announceReady(info);

async function newClient(): Promise<{ id: string; secret: string }> {
  const created = await app.clients.create('bench', settings.environment ?? 'sandbox');
  return { id: created.clientId, secret: created.clientSecret };
}
