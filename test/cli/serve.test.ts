import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';
import { repoRoot, startUntil, stop } from './run-cli.js';

async function token(baseUrl: string, clientId: string, clientSecret: string): Promise<number> {
  const response = await fetch(`${baseUrl}/auth/open/connect/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  return response.status;
}

// The real entry point: bin/openassure.js running the compiled server, as `npm start` does.
describe.each(storeKinds)('openassure serve on %s', (kind) => {
  let env: TestEnvironment;
  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'pipe' });
    env = await createTestEnvironment(kind);
  });
  afterAll(async () => {
    await env.cleanup();
  });

  const serve = (extra: Record<string, string> = {}) =>
    startUntil(
      'node',
      ['bin/openassure.js', 'serve'],
      { ...env.env, PORT: '0', HOST: '127.0.0.1', ...extra },
      /listening on (http:\/\/\S+)/,
    );

  it('prints its URL, the API reference and a sandbox client that works, and keeps it across restarts', async () => {
    const first = await serve();
    const baseUrl = first.match[1]!;
    try {
      expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
      expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
      expect(first.output()).toContain(`${baseUrl}/assure/docs`);
      const [, clientId, clientSecret] = first.output().match(/sandbox client (\S+)\s+secret: (\S+)/)!;
      expect(await token(baseUrl, clientId!, clientSecret!)).toBe(200);
      await stop(first.child);
      const second = await serve();
      try {
        expect(second.output()).toContain(`sandbox client ${clientId}`);
      } finally {
        await stop(second.child);
      }
    } finally {
      await stop(first.child);
    }
  });

  it('creates, then updates, the bootstrap client to exactly the configured credentials', async () => {
    const id = 'ci-bootstrap-client';
    const first = await serve({
      OPENASSURE_BOOTSTRAP_CLIENT_ID: id,
      OPENASSURE_BOOTSTRAP_CLIENT_SECRET: 'first-secret-0123456789',
    });
    const url1 = first.match[1]!;
    try {
      expect(await token(url1, id, 'first-secret-0123456789')).toBe(200);
      expect(first.output()).not.toContain('first-secret-0123456789');
    } finally {
      await stop(first.child);
    }
    const second = await serve({
      OPENASSURE_BOOTSTRAP_CLIENT_ID: id,
      OPENASSURE_BOOTSTRAP_CLIENT_SECRET: 'second-secret-0123456789',
    });
    const url2 = second.match[1]!;
    try {
      expect(await token(url2, id, 'first-secret-0123456789')).toBe(401);
      expect(await token(url2, id, 'second-secret-0123456789')).toBe(200);
    } finally {
      await stop(second.child);
    }
  });
});
