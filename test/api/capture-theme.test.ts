import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureBrowser } from '../support/capture-client.js';
import { makeImage } from '../support/images.js';
import { useTestServer, type TestServer } from '../support/test-server.js';

/** A font host on loopback: a CSS file naming two font files, and a favicon; it counts its requests. */
async function fontHost() {
  const hits: string[] = [];
  const icon = await makeImage('png', 32, 32);
  const server: Server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/fonts.css') {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' });
      response.end(
        "@import url('https://tracker.example/x.css');\n" +
          '@font-face { font-family: Brand; src: url(/files/brand.woff2) format(\'woff2\'), url("brand.ttf"); }\n' +
          'body { background: url(https://tracker.example/pixel.png); }',
      );
    } else if (request.url === '/files/brand.woff2' || request.url === '/brand.ttf') {
      response.writeHead(200, { 'content-type': 'font/woff2' });
      response.end(Buffer.from(`wOF2 ${request.url}`));
    } else if (request.url === '/icon.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(icon);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, hits, icon, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function openFlow(server: TestServer, configuration: object): Promise<CaptureBrowser> {
  const { api } = server;
  const id = `Theme${Math.random().toString(36).slice(2)}`;
  expect((await api.post(`/assure/capture/configurations/${id}`, configuration)).status).toBe(201);
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const { url } = (
    await api.post(`/assure/dossiers/${dossierId}/capture`, {
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: 'https://example.com/',
      captureParameters: { uiProfile: id },
    })
  ).json<{ url: string }>();
  const user = new CaptureBrowser(server.baseUrl);
  await user.open(url);
  return user;
}

describe('capture theme files', () => {
  let host: Awaited<ReturnType<typeof fontHost>>;
  beforeAll(async () => {
    host = await fontHost();
  });
  afterAll(() => host.close());

  describe('with private addresses allowed (local development)', () => {
    const server = useTestServer('sqlite', { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' });

    it('serves the font CSS from this origin, its font files fetched once, other URLs cut out', async () => {
      const user = await openFlow(server(), { fontName: 'Brand', fontUrl: `${host.base}/fonts.css` });
      const session = (await user.session()).json<{ theme: { fontCssUrl: string } }>();
      expect(session.theme.fontCssUrl).toBe('/assure/capture/api/theme/font.css');
      const css = await user.request('GET', '/theme/font.css');
      expect(css.status).toBe(200);
      expect(css.text).not.toContain('@import');
      expect(css.text).not.toContain('tracker.example');
      expect(css.text).toContain('url("/assure/capture/api/theme/fonts/0")');
      expect(css.text).toContain('url("/assure/capture/api/theme/fonts/1")');
      const font = await user.request('GET', '/theme/fonts/1');
      expect(font.headers.get('content-type')).toBe('font/ttf');
      expect(font.text).toBe('wOF2 /brand.ttf');
      await user.request('GET', '/theme/font.css');
      expect(host.hits.filter((hit) => hit === '/fonts.css')).toHaveLength(1);
      expect((await user.request('GET', '/theme/fonts/7')).status).toBe(404);
    });

    it('serves a favicon link and a data URI favicon from this origin', async () => {
      const linked = await openFlow(server(), { favicon: `${host.base}/icon.png` });
      const icon = await linked.request('GET', '/theme/favicon');
      expect(icon.headers.get('content-type')).toBe('image/png');
      const inline = await openFlow(server(), { favicon: `data:image/png;base64,${host.icon.toString('base64')}` });
      expect((await inline.request('GET', '/theme/favicon')).status).toBe(200);
    });
  });

  describe('in the default setting', () => {
    const server = useTestServer('sqlite');

    it('never fetches a theme file from a private address', async () => {
      const before = host.hits.length;
      const user = await openFlow(server(), { fontUrl: `${host.base}/fonts.css`, favicon: `${host.base}/icon.png` });
      expect((await user.request('GET', '/theme/font.css')).status).toBe(503);
      expect((await user.request('GET', '/theme/favicon')).status).toBe(503);
      expect(host.hits.length).toBe(before);
      expect(server().logs.some((line) => line.includes('could not fetch a capture theme asset'))).toBe(true);
    });
  });
});
