import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { choosePassport, DESKTOP, guardedPage, PHONE, startCapture, waitForProcess } from './support/capture-e2e.js';
import type { RedirectTarget } from './support/redirect-target.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';
import { startCaptureRig, type CaptureRig } from './support/capture-rig.js';

const CAMERA_PHONE = { ...PHONE, permissions: ['camera'] };
const isFinal = (status: string) => status !== 'pending' && status !== 'processing';

/** What a phone's camera app reads from the QR code as the page shows it. */
async function readQrCode(page: Page): Promise<string | null> {
  const png = await page.getByTestId('handover-qr').screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR.default(new Uint8ClampedArray(data), info.width, info.height);
  return found && new TextDecoder().decode(Uint8Array.from(found.binaryData));
}

/** Follows the done dialog's button back to the service; returns the query the service was given. */
async function leaveThroughDoneDialog(page: Page, target: RedirectTarget): Promise<Record<string, string>> {
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.isVisible(), { timeout: 15_000 }).toBe(true);
  await Promise.all([page.waitForURL(`${target.url}?**`), dialog.getByTestId('finish').click()]);
  return Object.fromEntries(new URL(page.url()).searchParams);
}

describe.skipIf(skipBrowserTests())('handover, cancel and the sandbox provider page, against the real server', () => {
  let rig: CaptureRig | undefined;
  let server: TestServer;
  let browser: Browser;
  let target: RedirectTarget;

  beforeAll(async () => {
    rig = await startCaptureRig('handover');
    ({ server, browser, target } = rig);
  });

  afterAll(() => rig?.close());

  it('hands over from a desktop to a phone by QR code; the phone captures and finishes, the desktop follows', async () => {
    const name = 'handover';
    const started = await startCapture(server.api, {
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: target.url,
    });
    const desktop = await guardedPage(browser, DESKTOP);
    await desktop.page.goto(started.url);
    await expect.poll(() => desktop.page.getByTestId('handover-qr').isVisible()).toBe(true);
    const link = await desktop.page.getByTestId('handover-link').inputValue();
    expect(link).toMatch(new RegExp(`^${server.baseUrl}/assure/capture/#/artifact=[A-Za-z0-9_-]{43}$`));
    expect(link).not.toBe(started.url);
    expect(await readQrCode(desktop.page)).toBe(link);
    await screenshot(desktop.page, name, 'desktop-1-qr');

    const phone = await guardedPage(browser, CAMERA_PHONE);
    await phone.page.goto(link);
    await choosePassport(phone.page);
    await expect.poll(() => desktop.page.getByTestId('handover-qr').count(), { timeout: 10_000 }).toBe(0);
    await screenshot(desktop.page, name, 'desktop-2-phone-opened');
    await expect.poll(() => phone.page.getByTestId('shutter').isEnabled(), { timeout: 15_000 }).toBe(true);
    await screenshot(phone.page, name, 'phone-1-camera');
    await phone.page.getByTestId('shutter').click();
    await phone.page.getByTestId('confirm').click();
    await phone.page.getByTestId('finish').click();
    await screenshot(phone.page, name, 'phone-2-done');
    expect(await leaveThroughDoneDialog(phone.page, target)).toMatchObject({ processId: started.processId });

    // The desktop polls every 2 s and ends up where the phone did.
    await screenshot(desktop.page, name, 'desktop-3-waiting');
    const fromDesktop = await leaveThroughDoneDialog(desktop.page, target);
    expect(fromDesktop).toEqual({ dossierId: started.dossierId, processId: started.processId, status: 'processing' });
    await screenshot(desktop.page, name, 'desktop-4-back-at-the-service');
    expect(await waitForProcess(server.api, started, (p) => isFinal(p.status))).toMatchObject({
      depictions: ['front'],
    });
    desktop.guard.assertClean();
    phone.guard.assertClean();
    await Promise.all([desktop.context.close(), phone.context.close()]);
  });

  it('cancels: back to the service with status=canceled, and the process is canceled', async () => {
    const name = 'cancel';
    const started = await startCapture(server.api, {
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: target.url,
    });
    const { context, guard, page } = await guardedPage(browser, CAMERA_PHONE);
    await page.goto(started.url);
    await expect.poll(() => page.getByTestId('document-type-passport').count()).toBe(1);
    await page.getByTestId('cancel').click();
    await expect.poll(() => page.getByTestId('cancel-confirm').count()).toBe(1);
    await screenshot(page, name, '1-asked');
    await Promise.all([page.waitForURL(`${target.url}?**`), page.getByTestId('cancel-confirm').click()]);
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
      dossierId: started.dossierId,
      processId: started.processId,
      status: 'canceled',
    });
    await waitForProcess(server.api, started, (p) => p.status === 'canceled', 5_000);
    guard.assertClean();
    await context.close();
  });

  it("plays the outcome picked on the sandbox provider page: the process ends in that scenario's status", async () => {
    const name = 'sandbox-provider';
    const scenario = 'eid-expired-document';
    const started = await startCapture(server.api, {
      providers: [{ provider: 'eid', processType: 'substantial' }],
      sdk: 'native',
      redirectUrl: target.url,
    });
    const { context, guard, page } = await guardedPage(browser, PHONE);
    await page.goto(started.url);
    await expect.poll(() => page.getByTestId(`sandbox-scenario-${scenario}`).count()).toBe(1);
    await screenshot(page, name, '1-scenarios');
    await Promise.all([page.waitForURL(`${target.url}?**`), page.getByTestId(`sandbox-scenario-${scenario}`).click()]);
    expect(new URL(page.url()).searchParams.get('status')).toBe('processing');
    const process = await waitForProcess(server.api, started, (p) => isFinal(p.status));
    // Not the provider's default (its first scenario, a plain acceptance): the one picked.
    expect(process.status).toBe('rejected');
    guard.assertClean();
    await context.close();
  });
});
