import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider, { type Adapter, type AdapterPayload, type ClientMetadata } from 'oidc-provider';

/**
 * A real OpenID Provider (the `oidc-provider` package) on loopback, configured by the tests: clients
 * can be added at any time (their jwks_uri may point at the server under test), the login is done by
 * the test (a person `account`, or a cancel), and the token response can be tampered with to play a
 * misbehaving or hostile issuer. `rotate()` restarts it on the same address with a new signing key.
 */
export interface TestIssuer {
  issuer: string;
  addClient(metadata: ClientMetadata): void;
  /** How the next logins end: logged in as this person, or the end-user cancels. */
  login: { mode: 'account'; claims: Record<string, unknown> } | { mode: 'cancel' };
  /** Show a sign-in page with a button (for a browser) instead of logging in at once. */
  loginPage: boolean;
  /** Rewrites the ID token of token responses (re-signed or not, as the test wishes). */
  tamperIdToken: ((idToken: string, keys: SigningKeys) => Promise<string>) | undefined;
  /** Requests received, by path. */
  hits: string[];
  /** The issuer's private signing keys, newest first. */
  keys(): SigningKeys;
  rotate(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export type SigningKeys = JWK[];

export const testPerson = {
  sub: 'person-4711',
  given_name: 'Astrid',
  family_name: 'Lindqvist',
  gender: 'female',
  'signicat.national_id': '19900101-1234',
};

async function newSigningKey(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const clients = new Map<string, ClientMetadata>();
  const hits: string[] = [];
  let keys: SigningKeys = [await newSigningKey()];
  let server: Server | undefined;
  let port = 0;

  const state: TestIssuer = {
    issuer: '',
    addClient: (metadata) => void clients.set(metadata.client_id, metadata),
    login: { mode: 'account', claims: testPerson },
    loginPage: false,
    tamperIdToken: undefined,
    hits,
    keys: () => keys,
    async rotate() {
      keys = [await newSigningKey(), ...keys];
      await state.stop();
      await state.start();
    },
    async stop() {
      const running = server;
      server = undefined;
      if (running) {
        running.closeAllConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
      }
    },
    async start() {
      const provider = makeProvider(state, clients, keys);
      const callback = provider.callback();
      server = createServer((request, response) => {
        hits.push((request.url ?? '').split('?')[0]!);
        if (request.url?.startsWith('/interaction/')) {
          void interact(provider, state, request, response).catch((error: unknown) => {
            response.statusCode = 500;
            response.end(String(error));
          });
          return;
        }
        callback(request, response);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    },
  };
  // The issuer URL must be known before the provider is made: take a port first.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  state.issuer = `http://127.0.0.1:${port}`;
  await state.start();
  return state;
}

function makeProvider(state: TestIssuer, clients: Map<string, ClientMetadata>, keys: SigningKeys): Provider {
  const stored = new Map<string, AdapterPayload>();
  class TestAdapter implements Adapter {
    constructor(private readonly model: string) {}
    private key = (id: string) => `${this.model}:${id}`;
    async upsert(id: string, payload: AdapterPayload) {
      stored.set(this.key(id), payload);
    }
    async find(id: string) {
      if (this.model === 'Client') return clients.get(id) as AdapterPayload | undefined;
      return stored.get(this.key(id));
    }
    async findByUserCode() {
      return undefined;
    }
    async findByUid(uid: string) {
      return [...stored.entries()].find(([key, value]) => key.startsWith(`${this.model}:`) && value.uid === uid)?.[1];
    }
    async consume(id: string) {
      const payload = stored.get(this.key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
    }
    async destroy(id: string) {
      stored.delete(this.key(id));
    }
    async revokeByGrantId(grantId: string) {
      for (const [key, value] of stored) if (value.grantId === grantId) stored.delete(key);
    }
  }

  const provider = new Provider(state.issuer, {
    adapter: TestAdapter,
    jwks: { keys },
    cookies: { keys: ['a test issuer cookie key'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => (state.login.mode === 'account' ? { ...state.login.claims, sub } : { sub }),
    }),
    claims: {
      openid: ['sub'],
      profile: ['given_name', 'family_name', 'gender'],
      nin: ['signicat.national_id'],
      email: ['email', 'email_verified'],
      roles: ['roles'],
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      jwtUserinfo: { enabled: true },
      encryption: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    // The server under test is on loopback too: let the issuer reach it (it fetches the client's JWKS),
    // as the server's own OPENASSURE_OUTBOUND_ALLOW_PRIVATE lets it reach the issuer.
    fetch: (url, options) => {
      const { dispatcher: _loopbackRefused, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return fetch(url, rest);
    },
    // Token claims about the person go to the userinfo only, as most eID brokers do.
    conformIdTokenClaims: true,
  });
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/jwks' || ctx.path === '/.well-known/openid-configuration') {
      ctx.set('cache-control', 'public, max-age=3600');
    }
    const body = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === '/token' && state.tamperIdToken && typeof body?.id_token === 'string') {
      ctx.body = { ...body, id_token: await state.tamperIdToken(body.id_token, keys) };
    }
  });
  return provider;
}

/** The login page, played by the test: logs the configured person in (and consents), or cancels. */
async function interact(provider: Provider, state: TestIssuer, request: IncomingMessage, response: ServerResponse) {
  const details = await provider.interactionDetails(request, response);
  if (state.loginPage && request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test eID</title>' +
        '<link rel="icon" href="data:,"></head><body><h1>Sign in with Test eID</h1>' +
        `<form method="post" action="/interaction/${details.uid}">` +
        '<button type="submit" data-testid="issuer-sign-in">Sign in</button></form></body></html>',
    );
    return;
  }
  if (state.login.mode === 'cancel') {
    await provider.interactionFinished(
      request,
      response,
      { error: 'access_denied', error_description: 'End-User aborted interaction' },
      { mergeWithLastSubmission: false },
    );
    return;
  }
  const accountId = String(state.login.claims.sub);
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  grant.addOIDCScope(String(details.params.scope));
  const grantId = await grant.save();
  await provider.interactionFinished(
    request,
    response,
    { login: { accountId }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}
