import sharp from 'sharp';
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishOcr } from '../support/english-ocr.js';
import { dataUrl, makeImage, pngWithHeader } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const watermark = { title: 'NORDBANK', description: 'Mortgage application', date: '2024-01-10' };

/** Mean absolute difference per channel between two images of the same size. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer()));
  let sum = 0;
  for (let i = 0; i < x!.length; i++) sum += Math.abs(x![i]! - y![i]!);
  return sum / x!.length;
}

describe.each(storeKinds)('watermark on %s', (kind) => {
  const server = useTestServer(kind);
  let ocr: Worker;
  beforeAll(async () => {
    ocr = await englishOcr();
  }, 60_000);
  afterAll(async () => {
    await ocr.terminate();
  });

  it.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
  ] as const)(
    'returns a %s image of the same size, marked but legible',
    async (format, type) => {
      const input = await makeImage(format, 900, 600);
      const response = await server().api.post('/assure/watermark', { image: dataUrl(input, type), watermark });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(await sharp(response.body).metadata()).toMatchObject({ format, width: 900, height: 600 });
      const difference = await meanDifference(input, response.body);
      expect(difference).toBeGreaterThan(2);
      expect(difference).toBeLessThan(40);
      const band = await sharp(response.body).extract({ left: 0, top: 360, width: 900, height: 240 }).png().toBuffer();
      expect((await ocr.recognize(band)).data.text).toContain('NORDBANK');
    },
    60_000,
  );

  it('watermarks an image of one of the caller’s processes, and no one else’s', async () => {
    const { api, other } = server();
    const dossierId = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'onfido',
      documentType: 'passport',
    });
    const processId = created.json<{ processId: string }>().processId;
    const front = await makeImage('jpeg', 640, 400);
    await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/images`, {
      front: dataUrl(front, 'image/jpeg'),
    });
    const body = { dossierId, processId, imageDepiction: 'front', watermark };
    const marked = await api.post('/assure/watermark', body);
    expect(marked.status).toBe(200);
    expect(await sharp(marked.body).metadata()).toMatchObject({ format: 'jpeg', width: 640, height: 400 });

    expect((await other.post('/assure/watermark', body)).status).toBe(404);
    const unknown = await api.post('/assure/watermark', { ...body, processId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ status: 404, type: 'base:client-problem', detail: 'Process not found.' });
    const noSelfie = await api.post('/assure/watermark', { ...body, imageDepiction: 'selfie' });
    expect(noSelfie.status).toBe(404);
  });

  it.each([
    [
      'a missing watermark',
      async () => ({ image: dataUrl(await makeImage('png', 300, 200), 'image/png') }),
      'watermark',
    ],
    [
      'a watermark without a date',
      async () => ({
        image: dataUrl(await makeImage('png', 300, 200), 'image/png'),
        watermark: { title: 'T', description: 'D' },
      }),
      'date',
    ],
    [
      'a date that is not YYYY-MM-DD',
      async () => ({
        image: dataUrl(await makeImage('png', 300, 200), 'image/png'),
        watermark: { ...watermark, date: '10/01/2024' },
      }),
      'date',
    ],
    [
      'a title over 100 characters',
      async () => ({
        image: dataUrl(await makeImage('png', 300, 200), 'image/png'),
        watermark: { ...watermark, title: 'x'.repeat(101) },
      }),
      'title',
    ],
    ['a GIF', async () => ({ image: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=', watermark }), 'JPEG or PNG'],
    [
      'PNG bytes sent as JPEG',
      async () => ({ image: dataUrl(await makeImage('png', 300, 200), 'image/jpeg'), watermark }),
      'image/png',
    ],
    ['broken base64', async () => ({ image: 'data:image/png;base64,iVBO!!!=', watermark }), 'base64'],
    [
      'an image over 5000 px',
      async () => ({ image: dataUrl(pngWithHeader(5001, 10), 'image/png'), watermark }),
      '5000 pixels',
    ],
    [
      'an image under 250x120 px',
      async () => ({ image: dataUrl(await makeImage('png', 200, 100), 'image/png'), watermark }),
      '250x120',
    ],
    ['no image at all', async () => ({ watermark }), 'Send image'],
    [
      'a process without its depiction',
      async () => ({ dossierId: 'd', processId: 'p', watermark }),
      'imageDepiction is required',
    ],
    [
      'both an image and a process',
      async () => ({
        image: dataUrl(await makeImage('png', 300, 200), 'image/png'),
        dossierId: 'd',
        processId: 'p',
        imageDepiction: 'front',
        watermark,
      }),
      'not both',
    ],
  ])('refuses %s with a 400 in the upstream shape', async (_, body, detail) => {
    const response = await server().api.post('/assure/watermark', await body());
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, type: 'base:client-problem', instance: '/assure/watermark' });
    expect(response.json<{ detail: string }>().detail).toContain(detail);
  });

  it('refuses an image over 4 MB before decoding it', async () => {
    const image = `data:image/png;base64,${'A'.repeat(Math.ceil((4 * 1024 * 1024 + 3) / 3) * 4)}`;
    const response = await server().api.post('/assure/watermark', { image, watermark });
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({
      type: 'base:client-problem',
      detail: 'image: the image is larger than 4 MB.',
    });
  });

  it('is in the generated OpenAPI document, answering with octet-stream', async () => {
    const document = (await server().anonymous.get('/assure/openapi.json')).json<{
      paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown> }>>;
    }>();
    const operation = document.paths['/assure/watermark']?.post;
    expect(operation?.operationId).toBe('watermark');
    expect(JSON.stringify(operation?.responses?.['200'])).toContain('application/octet-stream');
    expect(document.paths['/assure/{providerName}/document-types']?.get?.operationId).toBe('getDocumentTypes');
  });

  it('requires a token', async () => {
    expect((await server().anonymous.post('/assure/watermark', { watermark })).status).toBe(401);
  });
});
