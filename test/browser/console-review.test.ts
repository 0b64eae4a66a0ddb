import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { RecordedRecordings, startCase, waitUntilQueued, type StartedCase } from '../support/review-cases.js';
import type { TestServer } from '../support/test-server.js';
import { launchChromium } from './support/chromium.js';
import { checkPage, heading, navigate, signedIn, startConsoleServer, type SignedIn, poll } from './support/console.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

interface ProcessBody {
  status: string;
  providerSpecific?: { manualApproval?: Record<string, unknown> };
}

// The review queue's cases come from live Signicat VideoID processes whose recording the engines have read
// (what they read stands in for them here: test/api/review-live.test.ts runs the real engines).
describe.skipIf(skipBrowserTests())('reviewing a case in the console', { timeout: 180_000 }, () => {
  const recordings = new RecordedRecordings();
  let server: TestServer;
  let browser: Browser;
  let live: { api: ApiClient; clientId: string };
  let ann: SignedIn;
  let bob: SignedIn;

  beforeAll(async () => {
    server = await startConsoleServer({}, { backends: { live: recordings } });
    browser = await launchChromium();
    live = await server.newClient('live');
    ann = await signedIn(server, browser, { role: 'reviewer' });
    bob = await signedIn(server, browser, { role: 'reviewer' });
  });

  afterAll(async () => {
    recordings.releaseAll();
    await ann?.close();
    await bob?.close();
    await browser?.close();
    await server?.close();
  });

  const queuedCase = async (): Promise<StartedCase> => {
    const started = await startCase(live.api, { provider: 'signicatvideoid', processType: 'high' });
    await waitUntilQueued(server, started.processId);
    return started;
  };

  it('claims a case from the queue, corrects a field and accepts it: the API then returns the upstream shape', async () => {
    const started = await queuedCase();
    const { page } = ann;
    await navigate(page, 'reviews', 'Reviews');
    const item = page.getByTestId(`review-item-${started.processId}`);
    await poll(() => item.isVisible()).toBe(true);
    await checkPage(browser, page, 'reviews', (copy) => copy.getByTestId(`review-item-${started.processId}`).waitFor());
    await item.getByRole('link').click();
    await poll(() => heading(page).textContent()).toBe(`Review ${started.processId}`);

    await page.getByTestId('review-claim').click();
    const expiry = page.getByTestId('review-field-dateOfExpiry');
    await poll(() => expiry.inputValue()).toBe('2030-07-08');
    await expiry.fill('2025-10-13');
    await page.getByTestId('review-reason').selectOption('documentAndFaceMatch');
    await page.getByTestId('review-comment').fill('Expiry misread by the OCR.');
    await checkPage(browser, page, 'review', (copy) => copy.getByTestId('review-claim').waitFor());
    await page.getByTestId('review-accept').click();
    await poll(() => page.getByTestId('review-outcome').textContent()).toMatch(/now accepted/);

    const body = (await live.api.get(started.path)).json<ProcessBody>();
    expect(body.status).toBe('accepted');
    expect(body.providerSpecific?.manualApproval).toBeDefined();
    expect(JSON.stringify(body.providerSpecific)).toContain('2025-10-13');
    ann.guard.assertClean();
  });

  it('refuses a rejection reason for an acceptance in the page, then rejects with it', async () => {
    const started = await queuedCase();
    const { page } = ann;
    await page.goto(`${server.baseUrl}/console/#/review/${started.processId}`);
    await page.getByTestId('review-claim').click();
    const reasons = page.getByTestId('review-reason');
    const reject = await reasons.locator('optgroup[label="Reject"] option').first().getAttribute('value');
    await reasons.selectOption(reject ?? '');
    await page.getByTestId('review-accept').click();
    await poll(() => page.getByRole('alert').textContent()).toBe('Choose a reason for accepting.');
    await page.getByTestId('review-reject').click();
    await poll(() => page.getByTestId('review-outcome').textContent()).toMatch(/now rejected/);
    expect((await live.api.get(started.path)).json<ProcessBody>().status).toBe('rejected');
    ann.guard.assertClean();
  });

  it('with four eyes, waits for a second reviewer, who then sees the first approval and accepts', async () => {
    await server.app.store.repos.clientSettings.put({
      clientId: live.clientId,
      reviewInconclusive: [],
      fourEyes: true,
    });
    const started = await queuedCase();
    for (const [reviewer, state] of [
      [ann, /A second reviewer must accept it too/],
      [bob, /now accepted/],
    ] as const) {
      const { page } = reviewer;
      await page.goto(`${server.baseUrl}/console/#/review/${started.processId}`);
      await poll(() => page.getByTestId('review-four-eyes').isVisible()).toBe(true);
      if (reviewer === bob) expect(await page.getByTestId('review-four-eyes').textContent()).toContain(ann.email);
      await page.getByTestId('review-claim').click();
      await page.getByTestId('review-reason').selectOption('documentAndFaceMatch');
      await page.getByTestId('review-accept').click();
      await poll(() => page.getByTestId('review-outcome').textContent()).toMatch(state);
      await screenshot(page, 'console-review', `four-eyes-${reviewer === ann ? 'first' : 'second'}`);
      reviewer.guard.assertClean();
    }
    expect((await live.api.get(started.path)).json<ProcessBody>().status).toBe('accepted');
  });
});
