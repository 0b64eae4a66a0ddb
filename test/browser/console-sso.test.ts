import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import type { TestServer } from '../support/test-server.js';
import { launchChromium } from './support/chromium.js';
import { checkPage, LAPTOP, SESSION_PATH, heading, poll, startConsoleServer } from './support/console.js';
import { PageGuard } from './support/guard.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

// A console whose only way in is single sign-on at a real OpenID Provider on loopback.
describe.skipIf(skipBrowserTests())('single sign-on to the console in Chromium', { timeout: 180_000 }, () => {
  let server: TestServer;
  let issuer: TestIssuer;
  let browser: Browser;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    issuer.loginPage = true;
    issuer.login = {
      mode: 'account',
      claims: { sub: 'operator-sso', email: 'Rita.Reviewer@example.com', email_verified: true, roles: 'reviewer' },
    };
    server = await startConsoleServer({
      OPENASSURE_CONSOLE_OIDC_ISSUER: issuer.issuer,
      OPENASSURE_CONSOLE_OIDC_CLIENT_ID: 'console',
      OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET: 'console-secret',
      OPENASSURE_CONSOLE_OIDC_SCOPES: 'email roles',
      OPENASSURE_CONSOLE_LOCAL_PASSWORDS: 'false',
    });
    issuer.addClient({
      client_id: 'console',
      client_secret: 'console-secret',
      redirect_uris: [`${server.baseUrl}/console/api/sso/callback`],
      response_types: ['code'] as const,
      grant_types: ['authorization_code'] as const,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await issuer?.stop();
  });

  it('offers only the single sign-on button, which goes through the issuer into a signed-in console', async () => {
    const context = await browser.newContext(LAPTOP);
    const guard = await PageGuard.attach(context);
    guard.expectFailedResponse(SESSION_PATH, 401);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console/`);
    const button = page.getByTestId('sign-in-sso');
    await button.waitFor();
    // Passwords are turned off: no form to type one into.
    expect(await page.getByTestId('login-email').count()).toBe(0);
    expect(await page.getByTestId('login-password').count()).toBe(0);
    await checkPage(browser, page, 'sign-in-sso', (copy) => copy.getByTestId('sign-in-sso').waitFor());

    await button.click();
    await page.getByTestId('issuer-sign-in').waitFor();
    expect(new URL(page.url()).origin).toBe(issuer.issuer);
    await screenshot(page, 'console-sso', 'issuer-sign-in');
    await page.getByTestId('issuer-sign-in').click();

    // Back in the console, signed in as the operator the issuer named, with the role its claim gave.
    await page.getByTestId('nav-overview').waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/');
    await poll(() => heading(page).textContent()).toBe('Overview');
    const session = await page.evaluate(async (path) => (await fetch(path)).json(), SESSION_PATH);
    expect(session).toMatchObject({
      operator: { email: 'rita.reviewer@example.com', role: 'reviewer' },
      stage: 'ready',
    });
    expect(await page.getByTestId('nav-reviews').count()).toBe(1);
    expect(await page.getByTestId('nav-operators').count()).toBe(0);
    await screenshot(page, 'console-sso', 'signed-in');
    guard.assertClean();
    await context.close();
  });

  it('offers the button beside the password form when local passwords stay on', async () => {
    const both = await startConsoleServer({
      OPENASSURE_CONSOLE_OIDC_ISSUER: issuer.issuer,
      OPENASSURE_CONSOLE_OIDC_CLIENT_ID: 'console',
      OPENASSURE_CONSOLE_OIDC_CLIENT_SECRET: 'console-secret',
    });
    const context = await browser.newContext(LAPTOP);
    try {
      const guard = await PageGuard.attach(context);
      guard.expectFailedResponse(SESSION_PATH, 401);
      const page = await context.newPage();
      await page.goto(`${both.baseUrl}/console/`);
      await page.getByTestId('login-email').waitFor();
      expect(await page.getByTestId('sign-in-sso').getAttribute('href')).toBe('/console/api/sso/start');
      await checkPage(browser, page, 'sign-in-sso-and-password', (copy) => copy.getByTestId('login-email').waitFor());
      guard.assertClean();
    } finally {
      await context.close();
      await both.close();
    }
  });
});
