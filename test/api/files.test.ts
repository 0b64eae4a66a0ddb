import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { countBlobFiles } from '../support/blobs.js';
import { dataUrl, jpegDataUrl, makeImage, pngDataUrl, pngWithHeader } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('dossier files and image checks on %s', (kind) => {
  const server = useTestServer(kind);

  async function newDossier(): Promise<string> {
    return (await server().api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
  }

  it('stores front, back and selfie and serves each back byte for byte with its content type', async () => {
    const { api } = server();
    const dossierId = await newDossier();
    const front = await makeImage('jpeg', 360, 240);
    const selfie = await makeImage('png', 120, 120);
    const stored = await api.post(`/assure/dossiers/${dossierId}/files`, {
      front: dataUrl(front, 'image/jpeg'),
      selfie: dataUrl(selfie, 'image/png'),
    });
    expect(stored.status).toBe(201);
    const gotFront = await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`);
    expect(gotFront.status).toBe(200);
    expect(gotFront.headers.get('content-type')).toBe('image/jpeg');
    expect(gotFront.body.equals(front)).toBe(true);
    const gotSelfie = await api.get(`/assure/dossiers/${dossierId}/files?depiction=selfie`);
    expect(gotSelfie.headers.get('content-type')).toBe('image/png');
    expect(gotSelfie.body.equals(selfie)).toBe(true);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=back`)).status).toBe(404);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=portrait`)).status).toBe(400);
  });

  it('keeps only the last image of a depiction and deletes the replaced blob', async () => {
    const { api, env } = server();
    const dossierId = await newDossier();
    await api.post(`/assure/dossiers/${dossierId}/files`, { front: await jpegDataUrl(400, 300) });
    const blobsBefore = countBlobFiles(env.dataDir);
    const second = await makeImage('png', 300, 400);
    await api.post(`/assure/dossiers/${dossierId}/files`, { front: dataUrl(second, 'image/png') });
    expect(countBlobFiles(env.dataDir)).toBe(blobsBefore);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`)).body.equals(second)).toBe(true);
  });

  it('encrypts blobs at rest: the image bytes do not appear on disk', async () => {
    const { api, env } = server();
    const dossierId = await newDossier();
    const image = await makeImage('png', 250, 250);
    await api.post(`/assure/dossiers/${dossierId}/files`, { back: dataUrl(image, 'image/png') });
    const files = readdirSync(path.join(env.dataDir, 'blobs'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(entry.parentPath, entry.name)));
    expect(files.length).toBeGreaterThan(0);
    const needle = image.subarray(16, 48);
    expect(files.some((file) => file.includes(needle))).toBe(false);
  });

  it('copies the images of one of its processes', async () => {
    const { api } = server();
    const dossierId = await newDossier();
    const { processId } = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido', documentType: 'passport' })
    ).json<{ processId: string }>();
    const front = await makeImage('jpeg', 300, 200);
    const selfie = await makeImage('jpeg', 120, 120);
    await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/images`, {
      front: dataUrl(front, 'image/jpeg'),
      selfie: dataUrl(selfie, 'image/jpeg'),
    });
    expect((await api.post(`/assure/dossiers/${dossierId}/files`, { processId })).status).toBe(201);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`)).body.equals(front)).toBe(true);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=selfie`)).body.equals(selfie)).toBe(true);

    const otherDossier = await newDossier();
    expect((await api.post(`/assure/dossiers/${otherDossier}/files`, { processId })).status).toBe(404);
  });

  it('deletes every file of the dossier', async () => {
    const { api, env } = server();
    const dossierId = await newDossier();
    const before = countBlobFiles(env.dataDir);
    await api.post(`/assure/dossiers/${dossierId}/files`, { front: await jpegDataUrl(), back: await pngDataUrl() });
    expect(countBlobFiles(env.dataDir)).toBe(before + 2);
    expect((await api.delete(`/assure/dossiers/${dossierId}/files`)).status).toBe(204);
    expect(countBlobFiles(env.dataDir)).toBe(before);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`)).status).toBe(404);
  });

  describe('refuses bad images with a 400 naming the field, and writes nothing', () => {
    const cases: [string, () => Promise<string>, RegExp][] = [
      ['a non-data URL', async () => 'https://example.com/a.jpg', /front: must be a data URL/],
      ['SVG', async () => `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`, /front: must be a data URL/],
      ['junk in the base64', async () => (await jpegDataUrl()).slice(0, 40) + '#*!' + (await jpegDataUrl()).slice(43), /not valid base64/],
      ['a PNG declared as JPEG', async () => dataUrl(await makeImage('png'), 'image/jpeg'), /says image\/jpeg but the content is image\/png/],
      ['a PDF declared as PNG', async () => dataUrl(Buffer.from('%PDF-1.7\n' + 'x'.repeat(100)), 'image/png'), /not a JPEG or PNG/],
      ['a truncated JPEG', async () => {
        const jpeg = await makeImage('jpeg', 300, 200);
        return dataUrl(jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg');
      }, /corrupt or truncated/],
      ['an image wider than 5000 px', async () => dataUrl(await sharp({ create: { width: 5001, height: 4, channels: 3, background: 'white' } }).png().toBuffer(), 'image/png'), /5001x4 pixels/],
      ['a decompression bomb (20000 x 20000 header)', async () => dataUrl(pngWithHeader(20000, 20000), 'image/png'), /20000x20000/],
    ]; // prettier-ignore

    it.each(cases)('%s', async (_name, makeValue, detail) => {
      const { api, env } = server();
      const dossierId = await newDossier();
      const before = countBlobFiles(env.dataDir);
      // A valid back image in the same request must not be stored either.
      const response = await api.post(`/assure/dossiers/${dossierId}/files`, {
        front: await makeValue(),
        back: await jpegDataUrl(),
      });
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(detail);
      expect(countBlobFiles(env.dataDir)).toBe(before);
      expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=back`)).status).toBe(404);
    });
  });

  it('answers 413 for a body over the upload limit', async () => {
    const { api } = server();
    const dossierId = await newDossier();
    const huge = 'A'.repeat(20 * 1024 * 1024);
    const response = await api.request('POST', `/assure/dossiers/${dossierId}/files`, {
      rawBody: `{"front":"data:image/jpeg;base64,${huge}"}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, title: 'Payload Too Large' });
  });

  it("hides another client's files", async () => {
    const { api, other } = server();
    const dossierId = await newDossier();
    await api.post(`/assure/dossiers/${dossierId}/files`, { front: await jpegDataUrl() });
    expect((await other.get(`/assure/dossiers/${dossierId}/files?depiction=front`)).status).toBe(404);
    expect((await other.post(`/assure/dossiers/${dossierId}/files`, { front: await jpegDataUrl() })).status).toBe(404);
    expect((await other.delete(`/assure/dossiers/${dossierId}/files`)).status).toBe(404);
    expect((await api.get(`/assure/dossiers/${dossierId}/files?depiction=front`)).status).toBe(200);
  });
});
