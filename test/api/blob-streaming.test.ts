import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { collect } from '../../src/blobs/byte-streams.js';
import { providerOf } from '../../src/providers/registry.js';
import { blobFile } from '../support/blobs.js';
import { dataUrl, makeImage } from '../support/images.js';
import { driveScenario } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';

const sandboxVideo = readFileSync(fileURLToPath(new URL('../../assets/sandbox/identification.mp4', import.meta.url)));

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError);
          void collect(stream).then((bytes) => {
            files.set(entry.fileName, bytes);
            file.readEntry();
          }, reject);
        }),
      );
      file.on('end', () => resolve(files));
      file.readEntry();
    });
  });
}

// Images, videos and the download zip are streamed from the blob store: what arrives must be exactly
// what was stored, and a blob that fails its integrity check must never arrive as if it were whole.
describe.each(storeKinds)('streamed blobs on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });

  it('streams the video, the images and a zip holding them byte for byte', async () => {
    const { api } = server();
    const definition = providerOf('signicatvideoid');
    const scenario = definition.scenarios.find((s) => s.media?.video)!;
    const process = await driveScenario(api, definition, scenario, definition.defaultProcessType ?? null);
    const video = await api.get(`${process.path}/video`);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-length')).toBe(String(sandboxVideo.length));
    expect(video.body.equals(sandboxVideo)).toBe(true);

    const zip = await api.get(`${process.path}/download`);
    expect(zip.status).toBe(200);
    const files = await unzip(zip.body);
    expect(files.get('video.mp4')?.equals(sandboxVideo)).toBe(true);
    for (const depiction of scenario.media!.depictions) {
      const image = await api.get(`${process.path}/images?depiction=${depiction}`);
      expect(files.get(`${depiction}.jpg`)?.equals(image.body), depiction).toBe(true);
    }
  });

  it('answers 500 in the upstream shape, not bad bytes, when a stored blob fails its check at once', async () => {
    const { api, env } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    await api.post(`/assure/dossiers/${dossierId}/files`, {
      // Small enough for one 64 KiB chunk of the blob format, so the check fails before the first byte.
      front: dataUrl(await makeImage('jpeg', 240, 240), 'image/jpeg'),
    });
    const file = blobFile(env, await blobKeyOf(server(), dossierId));
    const stored = Buffer.from(readFileSync(file));
    stored[stored.length - 1]! ^= 0x01;
    writeFileSync(file, stored);
    const response = await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`);
    expect(response.status).toBe(500);
    expect(response.json()).toMatchObject({ status: 500, type: 'base:server-problem' });
  });

  it('cuts the download off when a chunk further in fails its check', async () => {
    const { env, baseUrl } = server();
    const { api, clientId, clientSecret } = await server().newClient();
    const token = await server().token(clientId, clientSecret);
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    // Noise does not compress: a PNG of several 64 KiB chunks.
    const image = await sharp(randomBytes(300 * 300 * 3), { raw: { width: 300, height: 300, channels: 3 } })
      .png()
      .toBuffer();
    expect(image.length).toBeGreaterThan(4 * 64 * 1024);
    await api.post(`/assure/dossiers/${dossierId}/files`, { front: dataUrl(image, 'image/png') });
    const file = blobFile(env, await blobKeyOf(server(), dossierId));
    const stored = Buffer.from(readFileSync(file));
    stored[stored.length - 70_000]! ^= 0x01;
    writeFileSync(file, stored);
    const response = await fetch(`${baseUrl}/assure/dossiers/${dossierId}/files?depiction=front`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(image.length));
    // The promised length never arrives: the client sees a failed download, not a shorter image.
    await expect(response.arrayBuffer()).rejects.toThrow();
    // The server is still there.
    expect((await api.get(`/assure/dossiers/${dossierId}`)).status).toBe(200);
  });
});

async function blobKeyOf({ app }: TestServer, ownerId: string): Promise<string> {
  const row = await app.store.db
    .selectFrom('images')
    .select('blob_key')
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return row.blob_key;
}
