import { createCipheriv, randomBytes } from 'node:crypto';
import { createOpenAssure } from '../../src/app.js';
import { loadMasterKey } from '../../src/blobs/master-key.js';
import { openBlobStore } from '../../src/blobs/open-blob-store.js';
import { loadConfig } from '../../src/config/config.js';
import { isFinal, type ProcessStatus } from '../../src/core/process-status.js';
import { createLogger } from '../../src/logging/logger.js';
import { providerOf } from '../../src/providers/registry.js';
import { expectJson, fetchToken, postJson } from '../shared/http.js';

export interface SeededProcess {
  client: { id: string; secret: string };
  dossierId: string;
  processId: string;
}

/**
 * A finished Signicat VideoID sandbox process (made through the API, as a client would), whose video
 * is then replaced by `videoBytes` of incompressible bytes written straight into the blob store.
 */
export async function seedVideoProcess(env: Record<string, string>, videoBytes: number): Promise<SeededProcess> {
  const config = loadConfig({ ...env, OPENASSURE_PUBLIC_URL: 'http://127.0.0.1' });
  const app = await createOpenAssure(config, { logger: createLogger('warn', process.stderr) });
  try {
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    await app.startWorker();
    const address = app.http.server.address();
    if (typeof address !== 'object' || address === null) throw new Error('The server has no address.');
    const baseUrl = `http://127.0.0.1:${address.port}`;
    const created = await app.clients.create('bench-blobs', 'sandbox');
    const token = await fetchToken(baseUrl, created.clientId, created.clientSecret);
    const scenario = providerOf('signicatvideoid').scenarios.find((s) => s.media?.video);
    if (!scenario) throw new Error('No Signicat VideoID scenario records a video.');
    const { dossierId } = await postJson<{ dossierId: string }>(`${baseUrl}/assure/dossiers`, token, {}, 'dossier');
    const processUrl = `${baseUrl}/assure/dossiers/${dossierId}/processes`;
    const response = await fetch(processUrl, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'x-sandbox-scenario': scenario.id,
      },
      body: JSON.stringify({ provider: 'signicatvideoid' }),
    });
    const { processId } = await expectJson<{ processId: string }>(response, 201, 'process');
    const complete = await fetch(`${baseUrl}/assure/sandbox/dossiers/${dossierId}/processes/${processId}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    await expectJson(complete, 200, 'complete');
    await waitForFinal(`${processUrl}/${processId}`, token);
    await replaceVideo(app.store, config, processId, videoBytes);
    return { client: { id: created.clientId, secret: created.clientSecret }, dossierId, processId };
  } finally {
    await app.close();
  }
}

async function waitForFinal(url: string, token: string): Promise<void> {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    const body = await expectJson<{ status: ProcessStatus }>(
      await fetch(url, { headers: { authorization: `Bearer ${token}` } }),
      200,
      'get process',
    );
    if (isFinal(body.status)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The seeded process did not finish in a minute.');
}

type AppStore = Awaited<ReturnType<typeof createOpenAssure>>['store'];
type AppConfig = ReturnType<typeof loadConfig>;

async function replaceVideo(store: AppStore, config: AppConfig, processId: string, size: number): Promise<void> {
  const blobs = await openBlobStore(config.blobs.backend, loadMasterKey(config.blobs.masterKey, config.dataDir));
  try {
    const blobKey = await blobs.put(incompressible(size));
    const updated = await store.db
      .updateTable('images')
      .set({ blob_key: blobKey, size })
      .where('owner_id', '=', processId)
      .where('depiction', '=', 'video')
      .returning('blob_key')
      .execute();
    if (updated.length !== 1) throw new Error('The seeded process has no video row.');
  } finally {
    await blobs.close();
  }
}

/** An AES-CTR keystream in 1 MiB pieces: as incompressible as a real video, never whole in memory. */
async function* incompressible(size: number): AsyncGenerator<Buffer> {
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const piece = Buffer.alloc(1024 * 1024);
  for (let sent = 0; sent < size; sent += piece.length) {
    yield cipher.update(piece.subarray(0, Math.min(piece.length, size - sent)));
  }
}
