import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { en } from './support/catalogue.js';
import { guardedPage, heading, PHONE, SESSION_PATH, startCapture, startCaptureServer } from './support/capture-e2e.js';
import { launchChromium } from './support/chromium.js';
import { startEmbeddingPage, type EmbeddingPage } from './support/embedding-page.js';
import { startRedirectTarget, type RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

const LINK_MINUTES = 30;
const CAPTURE_PAGE = '/assure/capture/';

describe.skipIf(skipBrowserTests())('capture links that no longer work, and framing, against the real server', () => {
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;
  let embedding: EmbeddingPage;

  beforeAll(async () => {
    server = await startCaptureServer();
    target = await startRedirectTarget();
    embedding = await startEmbeddingPage();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await embedding?.close();
    await target?.close();
    await server?.close();
  });

  const start = (extra: Record<string, unknown> = {}) =>
    startCapture(server.api, { providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: target.url, ...extra });

  it('says a link opened in a second browser has been used', async () => {
    const started = await start();
    const first = await guardedPage(browser, PHONE);
    await first.page.goto(started.url);
    await expect.poll(() => first.page.getByTestId('document-type-passport').count()).toBe(1);

    const second = await guardedPage(browser, PHONE);
    second.guard.expectFailedResponse(SESSION_PATH, 410);
    await second.page.goto(started.url);
    await expect
      .poll(() => second.page.getByTestId('error-message').textContent())
      .toBe(en.text('error.linkUsed.body'));
    expect(await heading(second.page).textContent()).toBe(en.text('error.linkUsed.title'));
    expect(new URL(second.page.url()).hash).toBe('#/');
    await screenshot(second.page, 'link-used', 'second-browser');
    first.guard.assertClean();
    second.guard.assertClean();
    await Promise.all([first.context.close(), second.context.close()]);
  });

  it('follows a second link opened in the same tab (only the fragment changes, so nothing reloads)', async () => {
    const [first, second] = [await start(), await start()];
    const { context, guard, page } = await guardedPage(browser, PHONE);
    await page.goto(first.url);
    await expect.poll(() => page.getByTestId('document-type-passport').count()).toBe(1);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('cancel-confirm').count()).toBe(1);
    await page.goto(second.url);
    // The page left the first flow's cancel question for the second flow's first step.
    await expect.poll(() => page.getByTestId('document-type-passport').count()).toBe(1);
    expect(new URL(page.url()).hash).toBe('#/');
    const session = await page.evaluate<{ processId: string }>(
      `fetch('${SESSION_PATH}').then((response) => response.json())`,
    );
    expect(session.processId).toBe(second.processId);
    guard.assertClean();
    await context.close();
  });

  it('says a link opened after its time has expired', async () => {
    const started = await start();
    const { context, guard, page } = await guardedPage(browser, PHONE);
    guard.expectFailedResponse(SESSION_PATH, 410);
    const now = server.clock.now();
    server.clock.advance((LINK_MINUTES + 1) * 60_000);
    try {
      await page.goto(started.url);
      await expect.poll(() => page.getByTestId('error-message').textContent()).toBe(en.text('error.linkExpired.body'));
    } finally {
      // Back to the present: the API client's token would be out of date for the tests after this one.
      server.clock.set(now);
    }
    expect(await heading(page).textContent()).toBe(en.text('error.linkExpired.title'));
    await screenshot(page, 'link-expired', 'error');
    guard.assertClean();
    await context.close();
  });

  it('in a frame of its requestDomain, exchanges the link, reloads under the strict frame-ancestors, then shows the flow', async () => {
    const started = await start({ requestDomain: embedding.domain });
    const { context, guard, page } = await guardedPage(browser, PHONE);
    const loads: Response[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === CAPTURE_PAGE && response.request().isNavigationRequest())
        loads.push(response);
    });
    await page.goto(embedding.urlFor(started.url));
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.getByTestId('document-type-passport').count()).toBe(1);
    const policies = await Promise.all(loads.map((load) => load.headerValue('content-security-policy')));
    expect(policies.map((policy) => /frame-ancestors ([^;]+)/.exec(policy ?? '')?.[1])).toEqual([
      '*',
      `http://${embedding.domain} https://${embedding.domain}`,
    ]);
    await screenshot(page, 'framed', 'allowed');
    guard.assertClean();
    await context.close();
  });

  it('in a frame of any other page, is refused by the browser once the link is exchanged', async () => {
    const started = await start();
    const { context, guard, page } = await guardedPage(browser, PHONE);
    await page.goto(embedding.urlFor(started.url));
    await expect.poll(() => guard.problems.length, { timeout: 10_000 }).toBeGreaterThan(0);
    // The refusal itself is the one problem: the browser says why it would not show the reloaded page.
    expect(guard.problems).toEqual([expect.stringMatching(/frame-ancestors 'none'/)]);
    expect(await page.frameLocator('iframe').getByTestId('document-type-passport').count()).toBe(0);
    await screenshot(page, 'framed', 'refused');
    await context.close();
  });
});
