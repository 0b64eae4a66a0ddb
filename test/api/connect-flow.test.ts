import { SignJWT, decodeJwt, decodeProtectedHeader, exportSPKI, importJWK, type KeyObject } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { travelToCallback } from '../support/connect-driver.js';
import { startTestIssuer, testPerson, type SigningKeys, type TestIssuer } from '../support/oidc-issuer.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const redirectUrl = 'https://shop.example/kyc/done?order=7';

interface ProcessView {
  status: string;
  providerSpecific?: { idToken?: string; userInfo?: unknown; error?: { error: string; errorDescription?: string } };
  finalResult?: Record<string, unknown>;
  failReason?: Record<string, unknown>;
}

const expectedFinalResult = {
  firstName: 'Astrid',
  lastName: 'Lindqvist',
  gender: 'female',
  personalIdentificationNumber: '19900101-1234',
};

/** Re-signs an ID token with the issuer's own key after changing its claims: a real signature over lies. */
async function resigned(idToken: string, keys: SigningKeys, change: (claims: Record<string, unknown>) => void) {
  const claims: Record<string, unknown> = { ...decodeJwt(idToken) };
  change(claims);
  const key = keys[0]!;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.kid! })
    .sign((await importJWK(key, 'RS256')) as KeyObject);
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(storeKinds)('live Connect logins on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' }, { publicPort: true });
  let issuer: TestIssuer;
  let live: ApiClient;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    live = (await server().newClient('live')).api;
    const callback = `${server().baseUrl}/assure/connect/callback`;
    const common = {
      redirect_uris: [callback],
      response_types: ['code'] as const,
      grant_types: ['authorization_code'] as const,
    };
    const register = async (method: string, body: Record<string, unknown>) => {
      const response = await live.put(`/assure/connect/methods/${method}`, {
        issuer: issuer.issuer,
        clientId: `oa-${method}`,
        scopes: ['profile', 'nin'],
        ...body,
      });
      expect(response.status, await response.text()).toBe(201);
      return response.json<{ jwksUri: string }>();
    };
    await register('plain', { clientSecret: 'plain-secret', userInfo: 'json' });
    issuer.addClient({ ...common, client_id: 'oa-plain', client_secret: 'plain-secret' });
    await register('signed', { clientSecret: 'signed-secret', userInfo: 'signed' });
    issuer.addClient({
      ...common,
      client_id: 'oa-signed',
      client_secret: 'signed-secret',
      token_endpoint_auth_method: 'client_secret_post',
      userinfo_signed_response_alg: 'RS256',
    });
    const { jwksUri } = await register('sealed', { privateKeyJwt: true, userInfo: 'encrypted' });
    issuer.addClient({
      ...common,
      client_id: 'oa-sealed',
      token_endpoint_auth_method: 'private_key_jwt',
      token_endpoint_auth_signing_alg: 'RS256',
      jwks_uri: jwksUri,
      userinfo_signed_response_alg: 'RS256',
      userinfo_encrypted_response_alg: 'RSA-OAEP-256',
      userinfo_encrypted_response_enc: 'A256GCM',
      id_token_encrypted_response_alg: 'RSA-OAEP-256',
      id_token_encrypted_response_enc: 'A256GCM',
    });
  });
  afterAll(() => issuer.stop());

  /** Starts a capture flow for the method and takes the end-user to the callback, not yet followed. */
  async function login(method = 'plain') {
    const { dossierId } = (await live.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const started = await live.post(`/assure/dossiers/${dossierId}/capture`, {
      providers: [{ provider: `connect:${method}` }],
      sdk: 'native',
      redirectUrl,
    });
    expect(started.status, started.text()).toBe(201);
    const trip = await travelToCallback(server().baseUrl, started.json<{ url: string }>().url);
    const dossier = (await live.get(`/assure/dossiers/${dossierId}`)).json<{ processes: { processId: string }[] }>();
    const processId = dossier.processes[0]!.processId;
    const process = async () =>
      (await live.get(`/assure/dossiers/${dossierId}/processes/${processId}`)).json<ProcessView>();
    const back = (status: string) =>
      `https://shop.example/kyc/done?order=7&dossierId=${dossierId}&processId=${processId}&status=${status}`;
    return { trip, process, back, processId };
  }

  async function usedAuthorizations(processId: string) {
    const rows = await server()
      .app.store.db.selectFrom('connect_authorizations')
      .select('used_at')
      .where('process_id', '=', processId)
      .execute();
    return rows.filter((row) => row.used_at !== null).length;
  }

  async function statusHistory(processId: string) {
    const rows = await server()
      .app.store.db.selectFrom('process_events')
      .select(['status', 'created_at'])
      .where('process_id', '=', processId)
      .orderBy('created_at')
      .execute();
    return rows.map((row) => row.status);
  }

  describe('a login that succeeds', () => {
    it('sends the end-user to the issuer with PKCE S256, state, nonce and the callback as redirect_uri', async () => {
      const { trip } = await login();
      const params = trip.authorizationUrl.searchParams;
      expect(`${trip.authorizationUrl.origin}${trip.authorizationUrl.pathname}`).toBe(`${issuer.issuer}/auth`);
      expect(params.get('response_type')).toBe('code');
      expect(params.get('client_id')).toBe('oa-plain');
      expect(params.get('redirect_uri')).toBe(`${server().baseUrl}/assure/connect/callback`);
      expect(params.get('scope')).toBe('openid profile nin');
      expect(params.get('code_challenge_method')).toBe('S256');
      expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(trip.callbackUrl.searchParams.get('state')).toBe(params.get('state'));
    });

    it('ends accepted with the ID token and JSON userinfo, finalResult from its claims, and goes back', async () => {
      const { trip, process, back, processId } = await login('plain');
      const answer = await trip.callback();
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(back('accepted'));
      const result = await process();
      expect(result.status).toBe('accepted');
      expect(result.finalResult).toEqual(expectedFinalResult);
      expect(result.providerSpecific?.userInfo).toMatchObject({ ...testPerson });
      const idToken = decodeJwt(result.providerSpecific!.idToken!);
      expect(idToken).toMatchObject({ iss: issuer.issuer, aud: 'oa-plain', sub: testPerson.sub });
      expect(await statusHistory(processId)).toEqual(['processing', 'accepted']);
    });

    it('ends accepted with a signed userinfo JWT (client_secret_post), kept as the JWT', async () => {
      const { trip, process, back } = await login('signed');
      expect((await trip.callback()).headers.get('location')).toBe(back('accepted'));
      const result = await process();
      expect(result.status).toBe('accepted');
      const userInfo = result.providerSpecific!.userInfo as string;
      expect(userInfo.split('.')).toHaveLength(3);
      expect(decodeJwt(userInfo)).toMatchObject({ ...testPerson, iss: issuer.issuer, aud: 'oa-signed' });
      expect(result.finalResult).toEqual(expectedFinalResult);
    });

    it('decrypts an encrypted ID token and userinfo with the client key (private_key_jwt), keeping the signed JWTs inside', async () => {
      const { trip, process } = await login('sealed');
      expect((await trip.callback()).status).toBe(303);
      const result = await process();
      expect(result.status, JSON.stringify(result.providerSpecific)).toBe('accepted');
      const userInfo = result.providerSpecific!.userInfo as string;
      expect(decodeProtectedHeader(userInfo).alg).toBe('RS256');
      expect(decodeJwt(userInfo)).toMatchObject({ ...testPerson, aud: 'oa-sealed' });
      expect(result.finalResult).toEqual(expectedFinalResult);
      const idToken = result.providerSpecific!.idToken!;
      expect(idToken.split('.')).toHaveLength(3);
      expect(decodeJwt(idToken)).toMatchObject({ iss: issuer.issuer, aud: 'oa-sealed', sub: testPerson.sub });
    });
  });

  describe('a callback that is not trusted changes nothing', () => {
    it('refuses a wrong state, and the real callback still works after it', async () => {
      const { trip, process, processId } = await login();
      const forged = new URL(trip.callbackUrl);
      forged.searchParams.set('state', 'x'.repeat(43));
      const answer = await trip.callback(forged);
      expect(answer.status).toBe(400);
      expect(answer.headers.get('x-error-code')).toBe('connect_callback_invalid');
      expect(await answer.text()).toContain('data-testid="connect-error-title"');
      expect((await process()).status).toBe('pending');
      expect(await usedAuthorizations(processId)).toBe(0);
      expect((await trip.callback()).status).toBe(303);
      expect((await process()).status).toBe('accepted');
    });

    it('refuses the right state coming back to another browser', async () => {
      const { trip, process } = await login();
      const elsewhere = await fetch(trip.callbackUrl, { redirect: 'manual' });
      expect(elsewhere.status).toBe(400);
      expect((await process()).status).toBe('pending');
    });

    it('refuses a replayed callback (the same code again) and keeps the first result', async () => {
      const { trip, process, processId } = await login();
      expect((await trip.callback()).status).toBe(303);
      const history = await statusHistory(processId);
      const replay = await trip.callback();
      expect(replay.status).toBe(409);
      expect(replay.headers.get('x-error-code')).toBe('connect_callback_used');
      expect((await process()).status).toBe('accepted');
      expect(await statusHistory(processId)).toEqual(history);
    });
  });

  describe('an ID token that fails a check ends the process rejected', () => {
    const cases: [string, (token: string, keys: SigningKeys) => Promise<string>, RegExp][] = [
      ['a wrong nonce', (t, k) => resigned(t, k, (c) => void (c.nonce = 'someone-elses-nonce')), /nonce/],
      [
        'an expired token',
        (t, k) =>
          resigned(t, k, (c) => void Object.assign(c, { iat: (c.iat as number) - 180, exp: (c.iat as number) - 120 })),
        /exp/,
      ],
      [
        'a token issued in the future',
        (t, k) =>
          resigned(
            t,
            k,
            (c) => void Object.assign(c, { iat: (c.iat as number) + 3600, exp: (c.exp as number) + 3600 }),
          ),
        /iat/,
      ],
      ['a wrong audience', (t, k) => resigned(t, k, (c) => void (c.aud = 'another-client')), /aud/],
      [
        'two audiences without azp',
        (t, k) => resigned(t, k, (c) => void (c.aud = ['oa-plain', 'another-client'])),
        /azp/,
      ],
      ['alg none', async (t) => `${b64({ alg: 'none' })}.${t.split('.')[1]}.`, /algorithm is not allowed/],
      [
        "an HMAC signed with the issuer's public key",
        async (t, k) => {
          const publicKey = (await importJWK({ kty: 'RSA', n: k[0]!.n, e: k[0]!.e }, 'RS256')) as KeyObject;
          const secret = new TextEncoder().encode(await exportSPKI(publicKey));
          return new SignJWT(decodeJwt(t)).setProtectedHeader({ alg: 'HS256', kid: k[0]!.kid! }).sign(secret);
        },
        /algorithm is not allowed/,
      ],
    ];

    it.each(cases)('%s', async (_name, tamper, reason) => {
      issuer.tamperIdToken = tamper;
      try {
        const { trip, process, back, processId } = await login();
        expect((await trip.callback()).headers.get('location')).toBe(back('rejected'));
        const result = await process();
        expect(result.status).toBe('rejected');
        expect(result.finalResult).toBeUndefined();
        expect(result.providerSpecific?.error?.error).toBe('invalid_id_token');
        expect(result.providerSpecific?.error?.errorDescription).toMatch(reason);
        expect(await usedAuthorizations(processId)).toBe(1);
        expect(await statusHistory(processId)).toEqual(['processing', 'rejected']);
      } finally {
        issuer.tamperIdToken = undefined;
      }
    });
  });

  it('follows a key rotation at the issuer: one JWKS refetch for the new key id, discovery still cached', async () => {
    const jwksFetches = () => issuer.hits.filter((hit) => hit === '/jwks').length;
    const first = await login();
    await first.trip.callback();
    expect((await first.process()).status).toBe('accepted');
    const [jwksBefore, discoveryBefore] = [
      jwksFetches(),
      issuer.hits.filter((h) => h.startsWith('/.well-known')).length,
    ];
    const oldKid = issuer.keys()[0]!.kid;
    await issuer.rotate();
    server().clock.advance(60_000);
    const second = await login();
    await second.trip.callback();
    const result = await second.process();
    expect(result.status).toBe('accepted');
    expect(decodeProtectedHeader(result.providerSpecific!.idToken!).kid).not.toBe(oldKid);
    expect(jwksFetches()).toBe(jwksBefore + 1);
    expect(issuer.hits.filter((h) => h.startsWith('/.well-known')).length).toBe(discoveryBefore);
  });

  it("ends canceled when the end-user cancels at the issuer (access_denied), with the issuer's error", async () => {
    issuer.login = { mode: 'cancel' };
    try {
      const { trip, process, back } = await login();
      expect(trip.callbackUrl.searchParams.get('error')).toBe('access_denied');
      expect((await trip.callback()).headers.get('location')).toBe(back('canceled'));
      const result = await process();
      expect(result.status).toBe('canceled');
      expect(result.providerSpecific?.error?.error).toBe('access_denied');
      expect(result.providerSpecific?.error?.errorDescription).toMatch(/^End-User aborted interaction/);
    } finally {
      issuer.login = { mode: 'account', claims: testPerson };
    }
  });

  it('fails the process when the issuer is down at the callback, saying so', async () => {
    const { trip, process, back } = await login();
    await issuer.stop();
    try {
      expect((await trip.callback()).headers.get('location')).toBe(back('failed'));
      const result = await process();
      expect(result.status).toBe('failed');
      expect(result.failReason).toMatchObject({ error: 'temporarily_unavailable' });
      expect(result.providerSpecific).toBeUndefined();
    } finally {
      await issuer.start();
    }
  });

  it('refuses a login flow for a method the live client has not registered', async () => {
    const { dossierId } = (await live.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const started = await live.post(`/assure/dossiers/${dossierId}/capture`, {
      providers: [{ provider: 'connect:unknown' }],
      sdk: 'native',
      redirectUrl,
    });
    expect(started.status).toBe(400);
    expect(started.json<{ detail: string }>().detail).toMatch(/register it first/);
  });
});
