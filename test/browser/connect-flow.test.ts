import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { startTestIssuer, type TestIssuer } from '../support/oidc-issuer.js';
import type { TestServer } from '../support/test-server.js';
import { guardedPage, PHONE, startCapture, startCaptureServer, waitForProcess } from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import { startRedirectTarget, type RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

describe.skipIf(skipBrowserTests())(
  'a live Connect login in Chromium, against the real server and a real issuer',
  () => {
    let server: TestServer;
    let issuer: TestIssuer;
    let target: RedirectTarget;
    let browser: Browser;
    let live: ApiClient;

    beforeAll(async () => {
      server = await startCaptureServer();
      issuer = await startTestIssuer();
      issuer.loginPage = true;
      target = await startRedirectTarget();
      browser = await launchChromium();
      live = (await server.newClient('live')).api;
      const registered = await live.put('/assure/connect/methods/testeid', {
        issuer: issuer.issuer,
        clientId: 'oa-browser',
        clientSecret: 'browser-secret',
        scopes: ['profile', 'nin'],
        userInfo: 'json',
      });
      expect(registered.status).toBe(201);
      issuer.addClient({
        client_id: 'oa-browser',
        client_secret: 'browser-secret',
        redirect_uris: [`${server.baseUrl}/assure/connect/callback`],
        response_types: ['code'] as const,
        grant_types: ['authorization_code'] as const,
      });
    });

    afterAll(async () => {
      await browser?.close();
      await target?.close();
      await issuer?.stop();
      await server?.close();
    });

    it('goes from the capture link to the issuer, signs in there, and comes back with the process accepted', async () => {
      const started = await startCapture(live, {
        providers: [{ provider: 'connect:testeid' }],
        sdk: 'native',
        redirectUrl: target.url,
      });
      const { context, guard, page } = await guardedPage(browser, PHONE);
      await page.goto(started.url);
      // The capture page hands over to the server, which sends the browser to the issuer's sign-in page.
      await page.getByTestId('issuer-sign-in').waitFor();
      expect(new URL(page.url()).origin).toBe(issuer.issuer);
      await screenshot(page, 'connect-login', 'issuer-sign-in');
      await page.getByTestId('issuer-sign-in').click();

      await expect.poll(() => target.visits.length, { timeout: 15_000 }).toBe(1);
      const back = target.visits[0]!;
      expect(Object.fromEntries(back)).toEqual({
        dossierId: started.dossierId,
        processId: started.processId,
        status: 'accepted',
      });
      await screenshot(page, 'connect-login', 'back-at-service');
      const process = await waitForProcess(live, started, (p) => p.status !== 'pending');
      expect(process.status).toBe('accepted');
      guard.assertClean();
      await context.close();
    });
  },
);
