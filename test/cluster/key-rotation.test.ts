import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAssure, type OpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { runCli } from '../cli/run-cli.js';
import { TestClock } from '../support/clock.js';
import { createTestEnvironment, postgresUnavailableReason, type TestEnvironment } from '../support/stores.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ttlSeconds = 600;

interface Node {
  app: OpenAssure;
  baseUrl: string;
}

// Two API nodes on one PostgreSQL, sharing a clock the test can move. Tokens from either verify on the
// other; a rotation from the CLI reaches both without a restart, and the old key keeps verifying (and
// stays in the JWKS) until its tokens have expired, then leaves.
describe.skipIf(await postgresUnavailableReason())('signing key rotation across two nodes', () => {
  let env: TestEnvironment;
  const clock = new TestClock();
  const nodes: Node[] = [];
  let client = { clientId: '', clientSecret: '' };

  beforeAll(async () => {
    env = await createTestEnvironment('postgres');
    for (let i = 0; i < 2; i++) {
      const config = loadConfig({
        ...env.env,
        OPENASSURE_PUBLIC_URL: 'http://127.0.0.1',
        OPENASSURE_TOKEN_TTL_SECONDS: String(ttlSeconds),
        OPENASSURE_SIGNING_KEY_DAYS: '30',
      });
      const app = await createOpenAssure(config, { clock, logger: createLogger('silent') });
      await app.http.listen({ host: '127.0.0.1', port: 0 });
      const address = app.http.server.address();
      if (typeof address !== 'object' || !address) throw new Error('no address');
      nodes.push({ app, baseUrl: `http://127.0.0.1:${address.port}` });
    }
    client = await nodes[0]!.app.clients.create('rotation', 'sandbox');
  }, 60_000);
  afterAll(async () => {
    for (const node of nodes) await node.app.close();
    await env?.cleanup();
  });

  const token = async (node: Node) => {
    const response = await fetch(`${node.baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'client_credentials', ...toForm(client) }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const toForm = (c: typeof client) => ({ client_id: c.clientId, client_secret: c.clientSecret });
  const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
  const jwksKids = async (node: Node) =>
    (
      (await (await fetch(`${node.baseUrl}/auth/open/.well-known/openid-configuration/jwks`)).json()) as {
        keys: Array<{ kid: string }>;
      }
    ).keys.map((key) => key.kid);
  /** The status of an authenticated read on `node` with `jwt`: 200 when the token verifies there. */
  const readWith = async (node: Node, jwt: string) =>
    (await fetch(`${node.baseUrl}/assure/dossiers`, { headers: { authorization: `Bearer ${jwt}` } })).status;

  it('keeps old tokens valid on every node through a rotation, and retires the old key after they expire', async () => {
    const [a, b] = nodes as [Node, Node];
    const oldToken = await token(a);
    const oldKid = kidOf(oldToken);
    expect(await readWith(b, oldToken)).toBe(200);

    const rotated = await runCli(['keys', 'rotate', '--json'], {
      ...env.env,
      OPENASSURE_TOKEN_TTL_SECONDS: String(ttlSeconds),
    });
    expect(rotated.code, rotated.stderr).toBe(0);
    const { signingKid: newKid } = JSON.parse(rotated.stdout) as { signingKid: string };
    expect(newKid).not.toBe(oldKid);

    // Without a restart, both nodes sign with the new key within their 30 s refresh.
    const deadline = Date.now() + 45_000;
    let kids = [kidOf(await token(a)), kidOf(await token(b))];
    while (kids.some((kid) => kid !== newKid) && Date.now() < deadline) {
      await pause(1000);
      kids = [kidOf(await token(a)), kidOf(await token(b))];
    }
    expect(kids).toEqual([newKid, newKid]);
    for (const node of nodes) expect((await jwksKids(node)).sort()).toEqual([oldKid, newKid].sort());
    const newToken = await token(b);
    for (const node of nodes) {
      expect(await readWith(node, oldToken)).toBe(200);
      expect(await readWith(node, newToken)).toBe(200);
    }

    // Once every token of the old key has expired (lifetime plus margin), it leaves the JWKS.
    clock.advance((ttlSeconds + 150) * 1000);
    for (const node of nodes) expect(await jwksKids(node)).toEqual([newKid]);
    expect(await readWith(a, oldToken)).toBe(401);
    expect(await readWith(a, await token(b))).toBe(200);
  }, 120_000);

  it('rotates on its own after OPENASSURE_SIGNING_KEY_DAYS, once across both nodes', async () => {
    const [a, b] = nodes as [Node, Node];
    const before = kidOf(await token(a));
    clock.advance(31 * 86_400_000);
    const deadline = Date.now() + 45_000;
    let kids = [kidOf(await token(a)), kidOf(await token(b))];
    while (kids.some((kid) => kid === before) && Date.now() < deadline) {
      await pause(1000);
      kids = [kidOf(await token(a)), kidOf(await token(b))];
    }
    // Both nodes noticed the old key's age; one rotation won, so both sign with the same new key.
    await pause(1000);
    kids = [kidOf(await token(a)), kidOf(await token(b))];
    expect(kids[0]).not.toBe(before);
    expect(kids[1]).toBe(kids[0]);
    expect((await jwksKids(a)).sort()).toEqual([before, kids[0]].sort());
  }, 120_000);
});
