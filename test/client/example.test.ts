import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeImage } from '../support/images.js';
import { useTestServer } from '../support/test-server.js';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'examples/integration.ts');

describe('examples/integration.ts, the integration docs/sdk.md shows', () => {
  const server = useTestServer('sqlite', {}, { worker: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'openassure-example-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is the code docs/sdk.md shows, line for line', () => {
    const docs = readFileSync(path.join(root, 'docs/sdk.md'), 'utf8');
    expect(docs).toContain(readFileSync(example, 'utf8').trimEnd());
  });

  it('runs against a server and prints the final status', async () => {
    const { clientId, clientSecret } = await server().newClient('sandbox');
    const photo = path.join(dir, 'passport.jpg');
    writeFileSync(photo, await makeImage('jpeg', 640, 480));
    const { stdout } = await promisify(execFile)(path.join(root, 'node_modules/.bin/tsx'), [example, photo], {
      cwd: root,
      env: {
        ...process.env,
        ASSURE_URL: server().baseUrl,
        ASSURE_CLIENT_ID: clientId,
        ASSURE_CLIENT_SECRET: clientSecret,
      },
    });
    // The sandbox's default Signicat Paper scenario: accepted, with the document's fields.
    expect(stdout).toMatch(/^accepted \{.*"lastName"/);
  }, 120_000);
});
