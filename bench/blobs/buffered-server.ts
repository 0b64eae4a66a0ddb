/**
 * The download as it was before blobs were streamed, for comparison: every file of the process read
 * whole with BlobStore.get() and added to the zip as a buffer (yazl addBuffer, compressed), over the
 * same store and blob store as OpenAssure. No authentication: it only serves the benchmark.
 * Started by startChild() with { env } as JSON in argv[2].
 */
import Fastify from 'fastify';
import yazl from 'yazl';
import { openStore } from '../../src/app.js';
import { loadMasterKey } from '../../src/blobs/master-key.js';
import { openBlobStore } from '../../src/blobs/open-blob-store.js';
import { loadConfig } from '../../src/config/config.js';
import { announceReady, closeOnSigterm } from '../shared/child.js';

const { env } = JSON.parse(process.argv[2] ?? '{}') as { env: Record<string, string> };
const config = loadConfig(env);
const store = await openStore(config);
const blobs = await openBlobStore(config.blobs.backend, loadMasterKey(config.blobs.masterKey, config.dataDir));
const app = Fastify();

app.get<{ Params: { processId: string } }>('/download/:processId', async (request, reply) => {
  const process = await store.repos.processes.findById(request.params.processId);
  if (!process) return reply.code(404).send();
  const images = await store.repos.images.list({ kind: 'process', id: process.id, clientId: process.clientId });
  const zip = new yazl.ZipFile();
  for (const image of images) zip.addBuffer(await blobs.get(image.blobKey), `${image.depiction}.bin`);
  if (process.rawResultKey !== null) zip.addBuffer(await blobs.get(process.rawResultKey), 'result.json');
  zip.end();
  return reply.type('application/zip').send(zip.outputStream);
});

closeOnSigterm(async () => {
  await app.close();
  await blobs.close();
  await store.close();
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (typeof address !== 'object' || address === null) throw new Error('The server has no address.');
announceReady({ port: address.port });
