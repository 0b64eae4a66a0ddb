import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveModels } from './model-server.js';

const root = mkdtempSync(path.join(tmpdir(), 'models-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('model server', () => {
  it('serves model files of its directory on loopback, nothing else, until closed', async () => {
    writeFileSync(path.join(root, 'faceres.json'), '{"format":"graph-model"}');
    writeFileSync(path.join(root, 'secret.txt'), 'no');
    const server = await serveModels(root);
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const ok = await fetch(`${server.baseUrl}faceres.json`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ format: 'graph-model' });
    for (const name of ['secret.txt', 'missing.bin', '..%2Fsecret.txt', '%2E%2E/package.json', '%E0%A4%A']) {
      expect((await fetch(`${server.baseUrl}${name}`)).status, name).toBe(404);
    }
    await server.close();
    await expect(fetch(`${server.baseUrl}faceres.json`)).rejects.toThrow();
  });
});
