import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMrz } from '../../src/engines/mrz/index.js';
import type { ApiClient } from '../support/api-client.js';
import { dataUrlOf, glaringDocument, syntheticDocument } from '../support/live-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import type { TestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { launchChromium } from './support/chromium.js';
import { checkPage, heading, navigate, signedIn, startConsoleServer, type SignedIn, poll } from './support/console.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

interface Live {
  dossierId: string;
  processId: string;
  externalReference: string;
  status: string;
}

/** A live verification through the client API, waited for to its final status. */
async function liveProcess(api: ApiClient, body: object, front: string, externalReference?: string): Promise<Live> {
  const { dossierId } = (await api.post('/assure/dossiers', { externalReference })).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, body);
  expect(created.status, created.text()).toBe(201);
  const processId = created.json<{ processId: string }>().processId;
  const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
  expect((await api.post(`${path}/images`, { front })).status).toBe(201);
  expect((await api.post(path, {})).status).toBe(200);
  const { status } = await waitForFinal(api, path, 150_000);
  return { dossierId, processId, externalReference: externalReference ?? '', status: String(status) };
}

/**
 * A live Signicat Paper verification of a synthetic passport, so that the engines' findings (the MRZ band
 * and its lines, the face, the printed fields) exist for the process page.
 */
async function livePaperProcess(api: ApiClient): Promise<Live> {
  const passport = await syntheticDocument(5, 'TD3');
  const mrz = parseMrz(passport.lines).fields;
  const body = { provider: 'signicatpaper', documentType: 'passport', documentCountry: mrz.issuingState };
  return liveProcess(api, body, dataUrlOf(passport.image, 'image/png'), `console-${Date.now()}`);
}

/** A live Onfido document check of a photo with a reflection: its image checks find the glare. */
async function liveGlareProcess(api: ApiClient): Promise<Live & { spot: { x: number; width: number } }> {
  const { image, spot } = await glaringDocument(5);
  const body = { provider: 'onfido', processType: 'document', documentType: 'passport' };
  return { ...(await liveProcess(api, body, dataUrlOf(image))), spot };
}

describe.skipIf(skipBrowserTests())('the console pages against the real server', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let receiver: WebhookReceiver;
  let admin: SignedIn;
  let live: Live;
  let glaring: Awaited<ReturnType<typeof liveGlareProcess>>;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    receiver = await WebhookReceiver.start();
    const client = await server.newClient('live');
    const subscribed = await client.api.post('/assure/webhooks', {
      url: receiver.url(),
      events: ['process.completed'],
    });
    expect(subscribed.status, subscribed.text()).toBe(201);
    live = await livePaperProcess(client.api);
    await receiver.waitFor(1, 30_000);
    // Another client, so that the webhook receiver hears of the first process only.
    glaring = await liveGlareProcess((await server.newClient('live')).api);
    admin = await signedIn(server, browser, { role: 'admin' });
  }, 300_000);

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await receiver?.close();
    await server?.close();
  });

  const search = async (page: Page, text: string) => {
    await page.getByTestId('search-input').fill(text);
    await page.getByTestId('search-submit').click();
  };

  it('finds the process by its id, its dossier id and its external reference; a row opens the process', async () => {
    const { page } = admin;
    await navigate(page, 'search', 'Search');
    const row = page.getByTestId(`process-row-${live.processId}`);
    await poll(() => row.isVisible()).toBe(true); // newest first, without filters
    for (const text of [live.processId, live.dossierId, live.externalReference]) {
      await search(page, text);
      await poll(() => page.locator('[data-testid^="process-row-"]').count()).toBe(1);
      await poll(() => row.isVisible()).toBe(true);
    }
    await search(page, 'no-such-reference');
    await poll(() => page.getByTestId('no-processes').isVisible()).toBe(true);

    await search(page, live.externalReference);
    await page.getByTestId('search-status').selectOption(live.status === 'accepted' ? 'rejected' : 'accepted');
    await page.getByTestId('search-submit').click();
    await poll(() => page.getByTestId('no-processes').isVisible()).toBe(true);
    await page.getByTestId('search-status').selectOption(live.status);
    await page.getByTestId('search-submit').click();
    await row.getByRole('link', { name: live.processId }).click();
    await poll(() => heading(page).textContent()).toBe(`Process ${live.processId}`);
    admin.guard.assertClean();
  });

  it("shows the process: its timeline, the image with the engines' findings over it, the data, the zip", async () => {
    const { page } = admin;
    await page.goto(`${server.baseUrl}/console/#/process/${live.processId}`);
    // Loaded afresh (a document keeps the images it showed), so the picture's own request is seen.
    const pictureLoaded = page.waitForResponse((response) =>
      new URL(response.url()).pathname.endsWith('/images/front'),
    );
    await page.reload();
    await poll(() => page.getByTestId('process-status').textContent()).toBe(live.status);
    await poll(() => page.getByTestId('timeline').locator('li').count()).toBeGreaterThanOrEqual(2);

    const front = page.getByTestId('image-front');
    await poll(() => front.locator('image').count()).toBe(1);
    // The picture itself came from the console API (under the page's CSP, which the guard watches).
    const picture = await pictureLoaded;
    expect(picture.status()).toBe(200);
    expect(picture.headers()['content-type']).toMatch(/^image\//);
    const mrzBand = front.getByTestId('overlay-mrz');
    await poll(() => mrzBand.count()).toBe(1);
    expect(await front.getByTestId('overlay-mrz-line').count()).toBe(2);
    const lines = (await front.getByTestId('mrz-lines').textContent())?.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^P/);
    // Paper reads the printed fields too (the VIZ reader): each where it was found, and as text.
    expect(await front.getByTestId('overlay-fields').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'console-process', 'findings');

    // A layer can be switched off to see what it covers.
    await front.getByRole('checkbox', { name: 'MRZ' }).uncheck();
    expect(await mrzBand.count()).toBe(0);
    await front.getByRole('checkbox', { name: 'MRZ' }).check();
    expect(await mrzBand.count()).toBe(1);

    // The result as the API returns it, the raw result and the engine output, folded.
    const result = page.getByTestId('json-result');
    expect(JSON.parse((await result.locator('pre').textContent()) ?? '')).toMatchObject({
      processId: live.processId,
      status: live.status,
    });
    const raw = page.getByTestId('json-raw');
    expect(await raw.locator('pre').isVisible()).toBe(false);
    await raw.locator('summary').click();
    expect(await raw.locator('pre').isVisible()).toBe(true);

    const download = page.waitForEvent('download');
    await page.getByTestId('process-zip').click();
    expect((await download).suggestedFilename()).toMatch(/\.zip$/);
    admin.guard.assertClean();
  });

  it('draws the glare the image check found where it is on the picture', async () => {
    const { page } = admin;
    await page.goto(`${server.baseUrl}/console/#/process/${glaring.processId}`);
    await poll(() => page.getByTestId('process-status').textContent()).toBe(glaring.status);
    const front = page.getByTestId('image-front');
    const glare = front.getByTestId('overlay-glare');
    await poll(() => glare.count()).toBe(1);
    // The box sits over the reflection at any displayed size: its place on screen, as a share of the picture's width.
    const [picture, box] = await Promise.all([front.locator('svg').boundingBox(), glare.boundingBox()]);
    const width = Number((await front.locator('image').getAttribute('width')) ?? 0);
    const share = (box!.x - picture!.x) / picture!.width;
    expect(Math.abs(share - glaring.spot.x / width)).toBeLessThan(0.02);
    expect(Math.abs(box!.width / picture!.width - glaring.spot.width / width)).toBeLessThan(0.02);
    await screenshot(page, 'console-process', 'glare');

    await front.getByRole('checkbox', { name: 'Glare' }).uncheck();
    expect(await glare.count()).toBe(0);
    await front.getByRole('checkbox', { name: 'Glare' }).check();
    expect(await glare.count()).toBe(1);
    admin.guard.assertClean();
  });

  it('redelivers a webhook: the receiver gets the same body again', async () => {
    const { page } = admin;
    await navigate(page, 'webhooks', 'Webhooks');
    const first = page.locator('li[data-testid^="delivery-"]', { hasText: live.processId }).first();
    await poll(() => first.isVisible()).toBe(true);
    // Pinned by its id: the redelivery is a new delivery, listed above it.
    const delivery = page.getByTestId((await first.getAttribute('data-testid')) ?? '');
    const before = receiver.requests.length;
    await delivery.getByTestId('redeliver').click();
    await poll(() => delivery.getByRole('status').textContent()).toBe('Redelivery queued.');
    const [again] = (await receiver.waitFor(before + 1, 30_000)).slice(before);
    expect(again?.body).toBe(receiver.requests[0]?.body);
    await screenshot(page, 'console-webhooks', 'redelivered');
    admin.guard.assertClean();
  });

  it("lists the admin's actions in the audit log, filters them, and exports the log as CSV", async () => {
    const { page } = admin;
    await navigate(page, 'audit', 'Audit log');
    const rows = page.getByTestId('audit-row');
    await poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('audit-action').selectOption('process.view');
    await page.getByTestId('audit-filter').click();
    await poll(async () => new Set(await rows.getByTestId('audit-action-cell').allTextContents())).toEqual(
      new Set(['process.view']),
    );
    expect(await rows.filter({ hasText: live.processId }).count()).toBeGreaterThanOrEqual(1);
    await page.getByTestId('audit-action').selectOption('delivery.redeliver');
    await page.getByTestId('audit-filter').click();
    await poll(() => rows.filter({ hasText: admin.email }).count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-csv').click();
    const text = await readFile(await (await download).path(), 'utf8');
    expect(text).toContain('process.view');
    expect(text).toContain(admin.email);
    admin.guard.assertClean();
  });

  it('passes axe (WCAG 2.2 AA) on every page, each kept as a screenshot', async () => {
    const { page } = admin;
    const visible = (testId: string) => (copy: Page) => copy.getByTestId(testId).first().waitFor();
    const pages: [string, string, (copy: Page) => Promise<unknown>][] = [
      ['overview', '#/overview', visible('overview-ready')],
      ['search', '#/search', visible(`process-row-${live.processId}`)],
      ['process', `#/process/${live.processId}`, visible('overlay-mrz')],
      ['process-glare', `#/process/${glaring.processId}`, visible('overlay-glare')],
      ['dossier', `#/dossier/${live.dossierId}`, visible(`process-row-${live.processId}`)],
      ['reviews', '#/reviews', (copy) => copy.locator('main p, main ol').first().waitFor()],
      ['webhooks', '#/webhooks', (copy) => copy.locator('li[data-testid^="delivery-"]').first().waitFor()],
      ['clients', '#/clients', visible('client-name')],
      ['operators', '#/operators', visible('operators')],
      ['audit', '#/audit', visible('audit-row')],
      ['not-found', '#/nowhere', (copy) => copy.getByRole('link', { name: 'Go to the overview' }).waitFor()],
    ];
    for (const [name, hash, ready] of pages) {
      await page.goto(`${server.baseUrl}/console/${hash}`);
      await ready(page);
      await checkPage(browser, page, name, ready);
    }
    admin.guard.assertClean();
  });
});
