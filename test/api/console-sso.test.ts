import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../support/console-client.js';
import { CookieJar, throughIssuer } from '../support/connect-driver.js';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import { storeKinds } from '../support/store-kinds.js';
import { startTestServer, useTestServer, type TestServer } from '../support/test-server.js';

const person = (roles: unknown) => ({
  sub: 'operator-1',
  email: 'Ada.Reviewer@Example.com',
  email_verified: true,
  ...(roles !== undefined && { roles }),
});

describe.each(storeKinds)('operator single sign-on to the console on %s', (kind) => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.stop());

  const server = useTestServer(
    kind,
    {
      OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true',
      // The issuer is started before the server: the getter runs when the server starts.
      get OPENASSURE_CONSOLE_OIDC_ISSUER() {
        return issuer.issuer;
      },
      OPENASSURE_CONSOLE_OIDC_CLIENT_ID: 'console',
      OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET: 'console-secret',
      OPENASSURE_CONSOLE_OIDC_SCOPES: 'email roles',
    },
    { publicPort: true },
  );

  beforeAll(() => {
    issuer.addClient({
      client_id: 'console',
      client_secret: 'console-secret',
      redirect_uris: [`${server().baseUrl}/console/api/sso/callback`],
      response_types: ['code'] as const,
      grant_types: ['authorization_code'] as const,
    });
  });

  /** Signs in through the issuer; the callback's answer and the cookies the browser then holds. */
  async function signIn(claims: Record<string, unknown>, tamper?: (callback: URL) => void) {
    issuer.login = { mode: 'account', claims };
    const jar = new CookieJar();
    const start = await fetch(`${server().baseUrl}/console/api/sso/start`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    jar.take(start);
    const authorization = new URL(start.headers.get('location')!);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await throughIssuer(authorization, jar, '/console/api/sso/callback');
    tamper?.(callback);
    const answer = await fetch(callback, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.take(answer);
    return { answer, jar };
  }

  const sessionOf = (jar: CookieJar) =>
    fetch(`${server().baseUrl}/console/api/session`, { headers: { cookie: jar.header() } });

  const optionsOf = async (server: TestServer) => (await fetch(`${server.baseUrl}/console/api/session/options`)).json();

  it('tells the sign-in page, before anyone signs in, that single sign-on is there beside passwords', async () => {
    expect(await optionsOf(server())).toEqual({ sso: true, localPasswords: true });
  });

  it('signs an operator in with the role the claim names, making the operator on first sign-in', async () => {
    const { answer, jar } = await signIn(person(['viewer', 'reviewer']));
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/console/');
    const session = await sessionOf(jar);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      operator: { email: 'ada.reviewer@example.com', role: 'reviewer' },
      stage: 'ready',
    });
    const operators = await server().app.store.repos.operators.list();
    expect(operators.map((o) => [o.email, o.role])).toContainEqual(['ada.reviewer@example.com', 'reviewer']);
    const entries = await server()
      .app.store.db.selectFrom('audit_log')
      .selectAll()
      .where('operator', '=', 'ada.reviewer@example.com')
      .execute();
    expect(entries.map((e) => e.action)).toContain('session.signIn');
  });

  it('takes the role from the identity provider again at every sign-in', async () => {
    await signIn(person('reviewer'));
    const { jar } = await signIn(person('admin'));
    expect(await (await sessionOf(jar)).json()).toMatchObject({ operator: { role: 'admin' } });
  });

  it('refuses an account without a console role, and opens no session', async () => {
    const { answer, jar } = await signIn({ ...person(undefined), email: 'nobody@example.com' });
    expect(answer.status).toBe(403);
    expect(((await answer.json()) as { type: string }).type).toBe('console:forbidden');
    expect((await sessionOf(jar)).status).toBe(401);
    expect(await server().app.store.repos.operators.find('nobody@example.com')).toBeUndefined();
  });

  it('refuses a callback whose state is not the one this browser started with', async () => {
    const { answer, jar } = await signIn(person('admin'), (url) => url.searchParams.set('state', 'forged'));
    expect(answer.status).toBe(401);
    expect((await sessionOf(jar)).status).toBe(401);
  });
});

const optionsOf = async (server: TestServer) => (await fetch(`${server.baseUrl}/console/api/session/options`)).json();

describe('the console with local passwords turned off', () => {
  let server: TestServer;
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    server = await startTestServer('sqlite', {
      OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true',
      OPENASSURE_CONSOLE_OIDC_ISSUER: issuer.issuer,
      OPENASSURE_CONSOLE_OIDC_CLIENT_ID: 'console',
      OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET: 'console-secret',
      OPENASSURE_CONSOLE_LOCAL_PASSWORDS: 'false',
    });
  });
  afterAll(async () => {
    await server.close();
    await issuer.stop();
  });

  it('offers single sign-on only, and refuses even a right password without opening a session', async () => {
    expect(await optionsOf(server)).toEqual({ sso: true, localPasswords: false });
    const { email, password } = await createOperator(server, { role: 'admin' });
    const answer = await fetch(`${server.baseUrl}/console/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(answer.status).toBe(403);
    expect(await answer.json()).toMatchObject({
      type: 'console:forbidden',
      detail: expect.stringMatching(/single sign-on/),
    });
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await server.app.store.db.selectFrom('operator_sessions').selectAll().execute()).toEqual([]);
  });
});

describe('the console without single sign-on', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(() => server.close());

  it('has no sign-on routes; local passwords stay the way in', async () => {
    expect(await optionsOf(server)).toEqual({ sso: false, localPasswords: true });
    expect((await fetch(`${server.baseUrl}/console/api/sso/start`, { redirect: 'manual' })).status).toBe(404);
  });
});
