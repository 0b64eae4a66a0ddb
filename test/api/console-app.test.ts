import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../support/test-server.js';

const built = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
mkdirSync(path.join(built, 'assets'));
writeFileSync(
  path.join(built, 'index.html'),
  '<!doctype html><script type="module" nonce="__CSP_NONCE__" src="/console/assets/index-abc123.js"></script>',
);
writeFileSync(path.join(built, 'assets', 'index-abc123.js'), 'console.log(1);');

describe('the console app', () => {
  const server = useTestServer('sqlite', { OPENASSURE_CONSOLE_APP_DIR: built });

  it('serves the page with a nonce CSP that nothing may frame, never cached, on every page path', async () => {
    for (const page of ['/console', '/console/', '/console/process/abc', '/console/search']) {
      const response = await fetch(`${server().baseUrl}${page}`);
      expect(response.status, page).toBe(200);
      const csp = response.headers.get('content-security-policy')!;
      const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
    const asset = await fetch(`${server().baseUrl}/console/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${server().baseUrl}/console/assets/nope.js`)).status).toBe(404);
    // An unknown API path is a JSON 404, not the page.
    const api = await fetch(`${server().baseUrl}/console/api/nope`);
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toMatch(/json/);
  });
});

describe('the console app before it is built', () => {
  const server = useTestServer('sqlite', { OPENASSURE_CONSOLE_APP_DIR: path.join(built, 'missing') });

  it('answers 503 saying how to build it', async () => {
    const response = await fetch(`${server().baseUrl}/console`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/npm run build/);
  });
});
