import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const methods = '/assure/connect/methods';

describe.each(storeKinds)('Connect methods on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' });
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.stop());

  const body = () => ({
    issuer: issuer.issuer,
    clientId: 'openassure',
    clientSecret: 'a secret of the client at the issuer',
    scopes: ['profile'],
    acrValues: 'urn:eid:high',
    userInfo: 'json',
  });

  it('creates, reads, lists, replaces and deletes a method, never showing its secret', async () => {
    const { api } = server();
    const created = await api.put(`${methods}/bankid`, body());
    expect(created.status).toBe(201);
    const view = created.json<Record<string, unknown>>();
    expect(view).toMatchObject({
      method: 'bankid',
      issuer: issuer.issuer,
      clientId: 'openassure',
      clientSecretSet: true,
      privateKeyJwt: false,
      scopes: ['profile'],
      acrValues: 'urn:eid:high',
      userInfo: 'json',
      redirectUri: 'http://127.0.0.1/assure/connect/callback',
    });
    expect(view.jwksUri).toMatch(/^http:\/\/127\.0\.0\.1\/assure\/connect\/jwks\/[A-Za-z0-9_-]{22}$/);
    expect(created.text()).not.toContain('a secret of the client');

    expect((await api.get(`${methods}/bankid`)).json()).toEqual(view);
    expect((await api.get(methods)).json()).toEqual([view]);

    const replaced = await api.put(`${methods}/bankid`, { ...body(), userInfo: 'signed', acrValues: undefined });
    expect(replaced.status).toBe(200);
    expect(replaced.json()).toMatchObject({ userInfo: 'signed', createdAt: view.createdAt });
    expect(replaced.json()).not.toHaveProperty('acrValues');

    expect((await api.delete(`${methods}/bankid`)).status).toBe(204);
    expect((await api.get(`${methods}/bankid`)).status).toBe(404);
    expect((await api.delete(`${methods}/bankid`)).status).toBe(404);
  });

  it('keeps the client secret sealed in the database', async () => {
    const { api, app } = server();
    expect((await api.put(`${methods}/sealed`, body())).status).toBe(201);
    const rows = await app.store.db.selectFrom('connect_methods').selectAll().where('method', '=', 'sealed').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.client_secret_sealed).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain('a secret of the client');
  });

  it("keeps each client's methods to itself", async () => {
    const { api, other } = server();
    expect((await api.put(`${methods}/mine`, body())).status).toBe(201);
    expect((await other.get(`${methods}/mine`)).status).toBe(404);
    expect((await other.delete(`${methods}/mine`)).status).toBe(404);
    expect((await other.get(methods)).json<unknown[]>().some((m) => (m as { method: string }).method === 'mine')).toBe(
      false,
    );
    expect((await api.get(`${methods}/mine`)).status).toBe(200);
  });

  it('refuses bad names, credentials and issuers, each with a 400 saying why', async () => {
    const { api } = server();
    const refused = async (name: string, changed: Record<string, unknown>, expected: RegExp) => {
      const response = await api.put(`${methods}/${name}`, { ...body(), ...changed });
      expect(response.status, name).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(expected);
    };
    await refused('Upper', {}, /method name/);
    await refused('both', { privateKeyJwt: true }, /either clientSecret or privateKeyJwt/);
    await refused('neither', { clientSecret: undefined }, /Give clientSecret/);
    await refused('elsewhere', { issuer: `${issuer.issuer}/elsewhere` }, /issuer cannot be used.*HTTP 404/);
    await refused('closed', { issuer: 'http://127.0.0.1:9' }, /issuer cannot be used.*could not be reached/);
    await refused('query', { issuer: `${issuer.issuer}?x=1` }, /query/);
    expect((await api.get(methods)).json<{ method: string }[]>().map((m) => m.method)).not.toContain('closed');
  });

  it("publishes the client's public keys, without their private parts, at its JWKS URL", async () => {
    const { api, anonymous } = server();
    const { jwksUri } = (await api.put(`${methods}/keys`, body())).json<{ jwksUri: string }>();
    const response = await anonymous.get(new URL(jwksUri).pathname);
    expect(response.status).toBe(200);
    const { keys } = response.json<{ keys: Record<string, unknown>[] }>();
    expect(keys.map((key) => [key.use, key.alg])).toEqual([
      ['sig', 'RS256'],
      ['enc', 'RSA-OAEP-256'],
    ]);
    for (const key of keys) expect(Object.keys(key).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect((await anonymous.get('/assure/connect/jwks/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
  });

  it('reads the discovery document once while its Cache-Control allows, then again', async () => {
    // Last in the suite: it moves the clock past the access tokens' lifetime.
    const { clock } = server();
    const mine = await server().newClient();
    let api = mine.api;
    const discoveries = () => issuer.hits.filter((hit) => hit === '/.well-known/openid-configuration').length;
    await api.put(`${methods}/cached`, body());
    const before = discoveries();
    await api.put(`${methods}/cached`, body());
    expect(discoveries()).toBe(before);
    clock.advance(3601 * 1000);
    api = api.withToken(await server().token(mine.clientId, mine.clientSecret));
    const again = await api.put(`${methods}/cached`, body());
    expect(again.status, again.text()).toBe(200);
    expect(discoveries()).toBe(before + 1);
  });
});
