import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createOpenAssure, type OpenAssure } from '../app.js';
import type { Config } from '../config/config.js';
import { reloadTrustOnHangup } from './csca.js';
import { closeOnSignals } from './shutdown.js';

/** Starts the API server and prints where to find it and how to try it. */
export async function serve(config: Config): Promise<void> {
  const app = await createOpenAssure(config);
  closeOnSignals(app);
  reloadTrustOnHangup(app);
  await app.http.listen({ host: config.http.host, port: config.http.port });
  await app.listenMetrics();
  if (config.jobs.workerInServe) await app.startWorker();
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  const base = config.http.publicUrl.replace(`:${config.http.port}`, `:${port}`);
  const credentials = await tryItCredentials(app);
  console.log(
    [
      '',
      `OpenAssure is listening on ${base}`,
      `  API reference:  ${base}/assure/docs  (OpenAPI: ${base}/assure/openapi.json)`,
      `  Store:          ${config.store.kind === 'sqlite' ? `SQLite ${config.store.file}` : 'PostgreSQL'}`,
      `  Worker:         ${config.jobs.workerInServe ? `in this process (${app.queue.kind} queue)` : 'not in this process (run `openassure worker`)'}`,
      ...(credentials
        ? [
            `  Try it with the sandbox client ${credentials.clientId}`,
            `    secret: ${credentials.clientSecret}`,
            `    curl -s -u '${credentials.clientId}:<secret>' -d grant_type=client_credentials ${base}/auth/open/connect/token`,
          ]
        : ['  Create a client with: npm run openassure -- clients create --name my-app']),
      '',
    ].join('\n'),
  );
}

interface TryItCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * The credentials to print. With a bootstrap client, its id (the secret is the operator's own). In
 * local mode without one, a "getting-started" sandbox client kept in the data directory (owner-only).
 */
async function tryItCredentials(app: OpenAssure): Promise<TryItCredentials | undefined> {
  const { config, clients, store } = app;
  if (config.auth.bootstrapClient) {
    return {
      clientId: config.auth.bootstrapClient.clientId,
      clientSecret: '(the value of OPENASSURE_BOOTSTRAP_CLIENT_SECRET)',
    };
  }
  if (config.mode !== 'local') return undefined;
  const file = path.join(config.dataDir, 'getting-started-client.json');
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as TryItCredentials;
    if (await store.repos.clients.find(saved.clientId)) return saved;
  } catch {
    // No saved client yet (or it was deleted): make a new one below.
  }
  const created = await clients.create('getting-started', 'sandbox');
  writeFileSync(file, JSON.stringify({ clientId: created.clientId, clientSecret: created.clientSecret }, null, 2), {
    mode: 0o600,
  });
  return created;
}
