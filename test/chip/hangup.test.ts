import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startUntil, stop } from '../cli/run-cli.js';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';
import { csca, makeKey } from '../support/chip-pki.js';

// The real signal on the real entry point: `serve` reloads OPENASSURE_CSCA_PATH on SIGHUP.
describe('the CSCA trust store of a running server', () => {
  let env: TestEnvironment;
  let trustDir: string;
  beforeAll(async () => {
    env = await createTestEnvironment('sqlite');
    trustDir = mkdtempSync(path.join(tmpdir(), 'openassure-csca-hup-'));
  });
  afterAll(async () => {
    await env.cleanup();
    rmSync(trustDir, { recursive: true, force: true });
  });

  it('is loaded at start and again on SIGHUP', async () => {
    const server = await startUntil(
      process.execPath,
      ['--import', 'tsx', path.join(repoRoot, 'src/main.ts'), 'serve'],
      { ...env.env, PORT: '0', HOST: '127.0.0.1', OPENASSURE_CSCA_PATH: trustDir },
      /listening on (http:\/\/\S+)/,
    );
    try {
      expect(server.output()).toMatch(
        /"certificates":0,"revocationLists":0,"refused":0,"msg":"CSCA trust store loaded"/,
      );
      writeFileSync(path.join(trustDir, 'nl.der'), csca('NL', makeKey('p256')).certificate);
      writeFileSync(path.join(trustDir, 'notes.txt'), 'not a certificate');
      server.child.kill('SIGHUP');
      await expect
        .poll(server.output, { timeout: 30_000 })
        .toMatch(/"certificates":1,"revocationLists":0,"refused":1,"msg":"CSCA trust store loaded"/);
      expect(server.output()).toMatch(/"reason":"not a certificate.*"msg":"CSCA trust store: file refused"/);
      // Still serving after the reload.
      expect((await fetch(`${server.match[1]!}/healthz`)).status).toBe(200);
    } finally {
      await stop(server.child);
    }
  });
});
