import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import type { TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { launchChromium } from './support/chromium.js';
import { heading, navigate, signedIn, startConsoleServer, poll } from './support/console.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

const NAV = ['overview', 'search', 'reviews', 'webhooks', 'clients', 'operators', 'audit'];

/** The nav entries the page shows. */
async function navOf(page: Page): Promise<string[]> {
  const shown: string[] = [];
  for (const entry of NAV) if (await page.getByTestId(`nav-${entry}`).isVisible()) shown.push(entry);
  return shown;
}

/** A sandbox process failed through the sandbox: a final status, and a webhook delivery for the client. */
async function failedProcess(api: ApiClient): Promise<string> {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' });
  expect(created.status, created.text()).toBe(201);
  const processId = created.json<{ processId: string }>().processId;
  expect((await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/fail`)).status).toBe(200);
  return processId;
}

describe.skipIf(skipBrowserTests())("each role's view of the console", { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let mine: { clientId: string; processId: string };
  let othersProcess: string;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    receiver = await WebhookReceiver.start();
    const client = await server.newClient('sandbox');
    expect((await client.api.post('/assure/webhooks', { url: receiver.url() })).status).toBe(201);
    mine = { clientId: client.clientId, processId: await failedProcess(client.api) };
    othersProcess = await failedProcess(server.other);
    await receiver.waitFor(1, 30_000);
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  it('shows a viewer what there is to read and nothing to change', async () => {
    const viewer = await signedIn(server, browser, { role: 'viewer' });
    const { page, guard } = viewer;
    expect(await navOf(page)).toEqual(['overview', 'search', 'webhooks', 'clients']);
    await screenshot(page, 'console-roles', 'viewer-overview');

    await navigate(page, 'clients', 'Clients');
    await poll(() => page.getByTestId(`client-${mine.clientId}`).isVisible()).toBe(true);
    expect(await page.getByTestId('client-create').count()).toBe(0);
    expect(await page.getByTestId('client-rotate').count()).toBe(0);
    expect(await page.getByTestId('client-settings').count()).toBe(0);

    await navigate(page, 'webhooks', 'Webhooks');
    const delivery = page.locator('li[data-testid^="delivery-"]', { hasText: mine.processId }).first();
    await poll(() => delivery.isVisible()).toBe(true);
    expect(await page.getByTestId('redeliver').count()).toBe(0);

    // Typed into the address bar: the page says the role does not include it, and asks the server for nothing.
    for (const hash of ['#/operators', '#/audit', '#/reviews']) {
      await page.goto(`${server.baseUrl}/console/${hash}`);
      await poll(() => page.getByTestId('not-allowed').isVisible()).toBe(true);
    }
    await screenshot(page, 'console-roles', 'viewer-not-allowed');
    guard.assertClean();
    await viewer.close();
  });

  it('adds the review queue for a reviewer, and everything for an admin', async () => {
    const reviewer = await signedIn(server, browser, { role: 'reviewer' });
    expect(await navOf(reviewer.page)).toEqual(['overview', 'search', 'reviews', 'webhooks', 'clients']);
    await navigate(reviewer.page, 'clients', 'Clients');
    await poll(() => reviewer.page.getByTestId(`client-${mine.clientId}`).isVisible()).toBe(true);
    expect(await reviewer.page.getByTestId('client-create').count()).toBe(0);
    reviewer.guard.assertClean();
    await reviewer.close();

    const admin = await signedIn(server, browser, { role: 'admin' });
    expect(await navOf(admin.page)).toEqual(NAV);
    await navigate(admin.page, 'webhooks', 'Webhooks');
    await poll(() => admin.page.getByTestId('redeliver').first().isVisible()).toBe(true);
    admin.guard.assertClean();
    await admin.close();
  });

  it("shows an operator limited to one client only that client's processes; another's is not found", async () => {
    const limited = await signedIn(server, browser, { role: 'viewer', clients: [mine.clientId] });
    const { page, guard } = limited;
    await navigate(page, 'search', 'Search');
    await poll(() => page.getByTestId(`process-row-${mine.processId}`).isVisible()).toBe(true);
    expect(await page.getByTestId(`process-row-${othersProcess}`).count()).toBe(0);
    await page.getByTestId('search-input').fill(othersProcess);
    await page.getByTestId('search-submit').click();
    await poll(() => page.getByTestId('no-processes').isVisible()).toBe(true);

    guard.expectFailedResponse(`/console/api/processes/${othersProcess}`, 404);
    await page.goto(`${server.baseUrl}/console/#/process/${othersProcess}`);
    await poll(() => heading(page).textContent()).toBe(`Process ${othersProcess}`);
    await poll(() => page.getByRole('alert').textContent()).toMatch(/^Not found/);
    await screenshot(page, 'console-roles', 'limited-not-found');
    guard.assertClean();
    await limited.close();
  });
});
