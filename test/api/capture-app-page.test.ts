import { beforeAll, describe, expect, it } from 'vitest';
import { buildCaptureApp } from '../browser/support/build.js';
import { CaptureBrowser } from '../support/capture-client.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { afterAll } from 'vitest';

describe('the capture page', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite', { OPENASSURE_CAPTURE_APP_DIR: await buildCaptureApp() });
  }, 180_000);
  afterAll(() => server?.close());

  const page = (headers: Record<string, string> = {}) => fetch(`${server.baseUrl}/assure/capture/`, { headers });
  const cspOf = (response: Response) =>
    Object.fromEntries(
      response.headers
        .get('content-security-policy')!
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values.join(' ')]),
    );

  it('is served with a fresh nonce on every script and style tag, and a CSP that allows nothing else', async () => {
    const [first, second] = [await page(), await page()];
    expect(first.status).toBe(200);
    const csp = cspOf(first);
    const nonce = /'nonce-([^']+)'/.exec(csp['script-src']!)![1]!;
    expect(nonce).not.toBe(/'nonce-([^']+)'/.exec(cspOf(second)['script-src']!)![1]);
    const html = await first.text();
    expect(html).not.toContain('__CSP_NONCE__');
    for (const tag of html.match(/<(script|link)\b[^>]*>/g)!) expect(tag).toContain(`nonce="${nonce}"`);
    expect(csp).toMatchObject({
      'default-src': "'none'",
      'script-src': `'nonce-${nonce}' 'strict-dynamic'`,
      'connect-src': "'self'",
      'img-src': "'self' data: blob:",
      'frame-ancestors': "'none'",
      'base-uri': "'none'",
    });
    expect(first.headers.get('permissions-policy')).toMatch(/^camera=\(self\), microphone=\(\)/);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("lets only the flow's requestDomain frame the page once the session exists", async () => {
    const { dossierId } = (await server.api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const body = { providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: 'https://example.com/' };
    const framedUrl = (
      await server.api.post(`/assure/dossiers/${dossierId}/capture`, { ...body, requestDomain: 'shop.example.com' })
    ).json<{ url: string }>().url;
    const user = new CaptureBrowser(server.baseUrl);
    await user.open(framedUrl);
    expect(cspOf(await page({ cookie: user.cookie! }))['frame-ancestors']).toBe('https://shop.example.com');
    // Before the link is exchanged a frame may load the page (it shows nothing and reloads at once).
    expect(cspOf(await page({ 'sec-fetch-dest': 'iframe' }))['frame-ancestors']).toBe('*');
    const plainUrl = (await server.api.post(`/assure/dossiers/${dossierId}/capture`, body)).json<{ url: string }>().url;
    const other = new CaptureBrowser(server.baseUrl);
    await other.open(plainUrl);
    expect(cspOf(await page({ cookie: other.cookie!, 'sec-fetch-dest': 'iframe' }))['frame-ancestors']).toBe("'none'");
  });

  it('serves its build files with long caching, and nothing else', async () => {
    const html = await (await page()).text();
    const script = /src="(\/assure\/capture\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${server.baseUrl}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/assure/capture/assets/..%2Fpackage.json', '/assure/capture/assets/nothing.js']) {
      const missing = await fetch(`${server.baseUrl}${path}`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ status: 404, type: 'base:client-problem' });
    }
  });
});
