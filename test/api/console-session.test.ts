import { describe, expect, it } from 'vitest';
import { totpCode } from '../../src/auth/totp.js';
import { ConsoleClient, createOperator, signInOperator, type ConsoleSessionBody } from '../support/console-client.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

describe.each(storeKinds)('console sessions on %s', (kind) => {
  const server = useTestServer(kind);

  it('signs in with a cookie the browser keeps to the console, and signs out', async () => {
    const { email, password } = await createOperator(server(), { role: 'viewer' });
    const browser = new ConsoleClient(server().baseUrl);
    const signedIn = await browser.signIn(email.toUpperCase(), password);
    expect(signedIn.status, signedIn.text).toBe(200);
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^oa_console=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/console');
    expect(cookie).not.toContain('Secure');
    expect(signedIn.headers.get('cache-control')).toBe('no-store');
    const session = signedIn.json<ConsoleSessionBody>();
    expect(session).toEqual({
      operator: { email, role: 'viewer', clients: null, totpEnrolled: false },
      csrfToken: expect.any(String),
      stage: 'ready',
    });

    expect((await browser.get('/session')).json<ConsoleSessionBody>().operator.email).toBe(email);
    expect((await browser.delete('/session')).status).toBe(204);
    const after = await browser.get('/session');
    expect(after.status).toBe(401);
    expect(after.json()).toMatchObject({ type: 'console:unauthenticated' });
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const { email } = await createOperator(server(), { role: 'viewer' });
    const browser = new ConsoleClient(server().baseUrl);
    const wrong = await browser.signIn(email, 'not-the-password');
    const unknown = await browser.signIn('nobody@example.test', 'not-the-password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.json()).toMatchObject({ type: 'console:unauthenticated', detail: 'Wrong email or password.' });
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a state-changing request without the CSRF token, and any cross-site request', async () => {
    const browser = await signInOperator(server(), { role: 'admin' });
    const missing = await browser.delete('/session', { csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.json()).toMatchObject({ type: 'console:csrf' });
    expect((await browser.delete('/session', { csrf: 'x'.repeat(32) })).status).toBe(403);
    const crossSite = await browser.get('/session', { headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    const crossSignIn = await new ConsoleClient(server().baseUrl).request(
      'POST',
      '/session',
      { email: browser.email, password: browser.password },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(crossSignIn.status).toBe(403);
    // The session is still there: nothing above signed it out.
    expect((await browser.get('/session')).status).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const { clock } = server();
    const idle = await signInOperator(server(), { role: 'viewer' });
    clock.advance(29 * 60_000);
    expect((await idle.get('/session')).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await idle.get('/session')).status).toBe(401);

    const busy = await signInOperator(server(), { role: 'viewer' });
    for (let hours = 0; hours < 12; hours += 0.25) {
      expect((await busy.get('/session')).status).toBe(200);
      clock.advance(15 * 60_000);
    }
    expect((await busy.get('/session')).status).toBe(401);
  });

  it('enrolls TOTP, then asks for a code after the password, and refuses a code used before', async () => {
    const { clock } = server();
    const browser = await signInOperator(server(), { role: 'reviewer' });
    const enrollment = await browser.post('/session/totp/enrollment');
    expect(enrollment.status, enrollment.text).toBe(200);
    const { secret, otpauthUrl } = enrollment.json<{ secret: string; otpauthUrl: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/OpenAssure%3A.*secret=/);
    expect((await browser.post('/session/totp/enrollment/confirm', { code: '000000' })).status).toBe(401);
    const confirmed = await browser.post('/session/totp/enrollment/confirm', { code: totpCode(secret, clock.now()) });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect(confirmed.json<ConsoleSessionBody>()).toMatchObject({ stage: 'ready', operator: { totpEnrolled: true } });

    const again = new ConsoleClient(server().baseUrl);
    const first = await again.signIn(browser.email!, browser.password!);
    expect(first.json<ConsoleSessionBody>().stage).toBe('totp');
    // Until the code is given, the session opens nothing else.
    const blocked = await again.post('/session/totp/enrollment');
    expect(blocked.status).toBe(401);
    expect(blocked.json()).toMatchObject({ type: 'console:totp-required' });
    // The code that confirmed the enrollment cannot be used again.
    expect((await again.post('/session/totp', { code: totpCode(secret, clock.now()) })).status).toBe(401);
    clock.advance(30_000);
    const ready = await again.post('/session/totp', { code: totpCode(secret, clock.now()) });
    expect(ready.status, ready.text).toBe(200);
    expect(ready.json<ConsoleSessionBody>().stage).toBe('ready');
    expect((await again.get('/session')).json<ConsoleSessionBody>().stage).toBe('ready');
  });

  it('locks an email after 10 failures for 15 minutes, slowing down the tries before', async () => {
    const { clock } = server();
    const { email, password } = await createOperator(server(), { role: 'viewer' });
    const browser = new ConsoleClient(server().baseUrl);
    const took: number[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      const started = performance.now();
      expect((await browser.signIn(email, `wrong-${attempt}`)).status).toBe(401);
      took.push(performance.now() - started);
    }
    // Tries 6 to 10 wait 200 ms more each time; the first five do not wait.
    expect(took[9]!).toBeGreaterThanOrEqual(1000);
    expect(took[5]!).toBeGreaterThanOrEqual(200);
    const locked = await browser.signIn(email, password);
    expect(locked.status).toBe(429);
    expect(locked.json()).toMatchObject({ type: 'console:locked' });
    expect(Number(locked.headers.get('retry-after'))).toBe(15 * 60);
    clock.advance(10 * 60_000);
    const later = await browser.signIn(email, password);
    expect(later.status).toBe(429);
    expect(Number(later.headers.get('retry-after'))).toBe(5 * 60);
    clock.advance(5 * 60_000);
    expect((await browser.signIn(email, password)).status).toBe(200);
  });
});

describe('console sessions where admins must use TOTP (as in production mode)', () => {
  const server = useTestServer('sqlite', { OPENASSURE_CONSOLE_ADMIN_TOTP: 'true' });

  it('makes an admin without TOTP enroll before anything else', async () => {
    const { email, password } = await createOperator(server(), { role: 'admin' });
    const browser = new ConsoleClient(server().baseUrl);
    const signedIn = await browser.signIn(email, password);
    expect(signedIn.json<ConsoleSessionBody>().stage).toBe('enroll');
    const viewer = await signInOperator(server(), { role: 'viewer' });
    expect((await viewer.get('/session')).json<ConsoleSessionBody>().stage).toBe('ready');
    const enrollment = await browser.post('/session/totp/enrollment');
    expect(enrollment.status).toBe(200);
  });
});
