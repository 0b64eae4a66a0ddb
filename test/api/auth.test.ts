import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  UnsecuredJWT,
  decodeProtectedHeader,
} from 'jose';
import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('authentication on %s', (kind) => {
  const server = useTestServer(kind);

  const tokenRequest = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${server().baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(body),
    });

  it('issues a short-lived ES256 JWT for client credentials in the form or by HTTP Basic', async () => {
    const { clientId, clientSecret } = await server().newClient();
    const form = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    const token = (await form.json()) as Record<string, unknown>;
    expect(token).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'signicat-api' });

    const basic = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);
    expect(decodeProtectedHeader(((await basic.json()) as { access_token: string }).access_token)).toMatchObject({
      alg: 'ES256',
    });
  });

  it('publishes the signing keys, with which an independent verifier accepts the token', async () => {
    const { baseUrl } = server();
    const { clientId, clientSecret } = await server().newClient();
    const configuration = (await (
      await fetch(`${baseUrl}/auth/open/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(configuration.token_endpoint).toMatch(/\/auth\/open\/connect\/token$/);
    const jwks = await (await fetch(`${baseUrl}${new URL(configuration.jwks_uri!).pathname}`)).json();
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/); // no private key material
    const token = await server().token(clientId, clientSecret);
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwks as never), {
      issuer: configuration.issuer,
      algorithms: ['ES256'],
    });
    expect(payload.sub).toBe(clientId);
    expect(payload.exp! - payload.iat!).toBe(600);
  });

  it('refuses wrong secrets, unknown clients, other grants and unknown scopes in the OAuth error format', async () => {
    const { clientId } = await server().newClient();
    const wrong = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'nope-nope-nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const unknown = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: 'nobody',
      client_secret: 'x'.repeat(20),
    });
    expect(unknown.status).toBe(401);
    const password = await tokenRequest({ grant_type: 'password', client_id: clientId, client_secret: 'x' });
    expect(await password.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const { clientSecret: secret2, clientId: id2 } = await server().newClient();
    const scope = await tokenRequest({
      grant_type: 'client_credentials',
      client_id: id2,
      client_secret: secret2,
      scope: 'admin',
    });
    expect(scope.status).toBe(400);
    expect(await scope.json()).toMatchObject({ error: 'invalid_scope' });
  });

  describe('Bearer tokens on /assure', () => {
    const expect401 = async (authorization: string | undefined, title: RegExp) => {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const response = await server().anonymous.get('/assure/dossiers', { headers });
      expect(response.status).toBe(401);
      const body = response.json<{ title: string; status: number; type: string }>();
      expect(body).toMatchObject({ status: 401, type: 'base:client-problem' });
      expect(body.title).toMatch(title);
    };

    it('are required', async () => {
      await expect401(undefined, /Missing Authorization/);
    });

    it('must be well formed', async () => {
      await expect401('Basic abc', /Malformed/);
      await expect401('Bearer not-a-jwt', /Malformed/);
      await expect401('Bearer aaa.bbb.ccc', /Malformed/);
    });

    it('must carry our signature', async () => {
      const { clientId, clientSecret } = await server().newClient();
      const token = await server().token(clientId, clientSecret);
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const tampered = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      tampered.sub = 'someone-else';
      tampered.client_id = 'someone-else';
      await expect401(
        `Bearer ${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${signature}`,
        /signature/,
      );
      const flipped = signature.slice(0, 10) + (signature[10] === 'A' ? 'B' : 'A') + signature.slice(11);
      await expect401(`Bearer ${header}.${payload}.${flipped}`, /signature/);
    });

    it('are refused when signed by an unknown key, even with a known-looking kid', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const kid = decodeProtectedHeader(await server().token(...(await credentials()))).kid!;
      const forged = await new SignJWT({ client_id: 'x' })
        .setProtectedHeader({ alg: 'ES256', kid: 'signing-key-unknown' })
        .setIssuer('http://127.0.0.1/auth/open')
        .setAudience('http://127.0.0.1/assure')
        .setExpirationTime('5m')
        .setIssuedAt()
        .sign(privateKey);
      await expect401(`Bearer ${forged}`, /key was not found/);
      const sameKid = await new SignJWT({ client_id: 'x' })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setIssuer('http://127.0.0.1/auth/open')
        .setAudience('http://127.0.0.1/assure')
        .setExpirationTime('5m')
        .setIssuedAt()
        .sign(privateKey);
      await expect401(`Bearer ${sameKid}`, /signature/);
    });

    it('are refused with another algorithm: none, or HS256 keyed with our public key', async () => {
      const unsecured = new UnsecuredJWT({ client_id: 'x', sub: 'x' }).setExpirationTime('5m').encode();
      await expect401(`Bearer ${unsecured}x`, /Malformed|algorithm/);
      const jwks = (await (
        await fetch(`${server().baseUrl}/auth/open/.well-known/openid-configuration/jwks`)
      ).json()) as {
        keys: { kid: string }[];
      };
      const confused = await new SignJWT({ client_id: 'x' })
        .setProtectedHeader({ alg: 'HS256', kid: jwks.keys[0]!.kid })
        .setIssuer('http://127.0.0.1/auth/open')
        .setAudience('http://127.0.0.1/assure')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JSON.stringify(jwks.keys[0])));
      await expect401(`Bearer ${confused}`, /algorithm/);
    });

    it('expire, even when the server has already seen them', async () => {
      const { clock } = server();
      const token = await server().token(...(await credentials()));
      const api = server().anonymous.withToken(token);
      expect((await api.get('/assure/dossiers')).status).toBe(200);
      clock.advance(620_000); // past the 600 s lifetime and the 5 s clock tolerance
      try {
        await expect401(`Bearer ${token}`, /expired/);
      } finally {
        clock.advance(-620_000);
      }
    });

    it('stop working once their client is deleted', async () => {
      const { clientId, clientSecret } = await server().newClient();
      const token = await server().token(clientId, clientSecret);
      await server().app.clients.delete(clientId);
      server().clock.advance(10_000); // past the client lookup's few seconds of memory
      try {
        await expect401(`Bearer ${token}`, /no longer exists|does not exist/);
      } finally {
        server().clock.advance(-10_000);
      }
    });

    it('from another issuer are refused', async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      expect(await exportJWK(publicKey)).toHaveProperty('x');
      const token = await new SignJWT({ client_id: 'x' })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer('https://elsewhere.example/auth/open')
        .setExpirationTime('5m')
        .sign(privateKey);
      await expect401(`Bearer ${token}`, /key was not found/);
    });
  });

  async function credentials(): Promise<[string, string]> {
    const { clientId, clientSecret } = await server().newClient();
    return [clientId, clientSecret];
  }
});
