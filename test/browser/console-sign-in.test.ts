import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator } from '../support/console-client.js';
import type { TestServer } from '../support/test-server.js';
import { axeViolations, newAxeContext } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import {
  checkPage,
  codeNow,
  heading,
  LAPTOP,
  openConsole,
  SESSION_PATH,
  startConsoleServer,
  typeCredentials,
  poll,
} from './support/console.js';
import { secretOf } from './support/console-totp.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

/** What an authenticator app reads from the enrollment QR code as the page shows it. */
async function readQrCode(page: Page): Promise<string | null> {
  const png = await page.getByTestId('totp-qr').screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR.default(new Uint8ClampedArray(data), info.width, info.height);
  return found && new TextDecoder().decode(Uint8Array.from(found.binaryData));
}

const alert = (page: Page) => page.getByRole('alert');

// Admins must use TOTP here (as in production mode), so an admin's first sign-in goes through enrollment.
describe.skipIf(skipBrowserTests())('signing in to the console', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer({ OPENASSURE_CONSOLE_ADMIN_TOTP: 'true' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('enrolls an admin in TOTP from the QR code, then asks for a code at the next sign-in', async () => {
    const admin = await createOperator(server, { role: 'admin' });
    const first = await openConsole(server, browser);
    await typeCredentials(first.page, admin.email, admin.password);
    await poll(() => heading(first.page).textContent()).toBe('Set up two-step sign-in');
    await screenshot(first.page, 'console-sign-in', 'enroll');

    // The QR code is drawn in the page and holds the otpauth URL; the key is shown as text too.
    const otpauthUrl = await readQrCode(first.page);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret = secretOf(otpauthUrl ?? '');
    expect((await first.page.getByTestId('totp-secret').textContent())?.replace(/\s+/g, '')).toBe(secret);

    await first.page.getByTestId('totp-code').fill(codeNow(server, secret));
    await first.page.getByTestId('totp-submit').click();
    await poll(() => heading(first.page).textContent()).toBe('Overview');
    await poll(() => first.page.getByTestId('nav-operators').isVisible()).toBe(true);
    first.guard.assertClean();
    await first.close();

    // Another browser, half a minute later (a code is good once).
    server.clock.advance(30_000);
    const second = await openConsole(server, browser);
    await typeCredentials(second.page, admin.email, admin.password);
    await poll(() => heading(second.page).textContent()).toBe('Enter your code');
    await checkPage(browser, second.page, 'totp', (copy) => copy.getByTestId('totp-code').waitFor());
    second.guard.expectFailedResponse(`${SESSION_PATH}/totp`, 401);
    await second.page.getByTestId('totp-code').fill(codeNow(server, secret) === '000000' ? '111111' : '000000');
    await second.page.getByTestId('totp-submit').click();
    await poll(() => alert(second.page).textContent()).toBeTruthy();
    await expect(second.page.getByTestId('totp-code').inputValue()).resolves.toBe('');
    await second.page.getByTestId('totp-code').fill(codeNow(server, secret));
    await second.page.getByTestId('totp-submit').click();
    await poll(() => heading(second.page).textContent()).toBe('Overview');
    second.guard.assertClean();
    await second.close();
  });

  it('passes axe on the sign-in and enrollment pages', async () => {
    const opened = await openConsole(server, browser);
    await checkPage(browser, opened.page, 'sign-in', (copy) => copy.getByTestId('login-email').waitFor());
    await opened.close();
    // Enrollment makes a new secret each time it is shown, so axe looks at it in a sign-in of its own.
    const admin = await createOperator(server, { role: 'admin' });
    const context = await newAxeContext(browser, LAPTOP);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console/`);
    await typeCredentials(page, admin.email, admin.password);
    await page.getByTestId('totp-qr').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('says the same for a wrong password and an unknown email, and keeps the email typed', async () => {
    const viewer = await createOperator(server, { role: 'viewer' });
    const { page, guard, close } = await openConsole(server, browser);
    guard.expectFailedResponse(SESSION_PATH, 401);
    await typeCredentials(page, viewer.email, `${viewer.password}x`);
    await poll(() => alert(page).textContent()).toBe('Wrong email or password.');
    expect(await page.getByTestId('login-email').inputValue()).toBe(viewer.email);
    expect(await page.getByTestId('login-password').inputValue()).toBe('');
    await screenshot(page, 'console-sign-in', 'wrong-password');

    await typeCredentials(page, 'nobody@example.test', viewer.password);
    await poll(() => alert(page).textContent()).toBe('Wrong email or password.');

    await typeCredentials(page, viewer.email, viewer.password);
    await poll(() => heading(page).textContent()).toBe('Overview');
    guard.assertClean();
    await close();
  });

  it('locks the email after ten failures, even for the right password, and says for how long', async () => {
    const viewer = await createOperator(server, { role: 'viewer' });
    // Ten wrong passwords from a script (the server slows them down after five), then the person.
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await fetch(`${server.baseUrl}${SESSION_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: viewer.email, password: 'wrong password' }),
      });
      expect([401, 429]).toContain(response.status);
    }
    const { page, guard, close } = await openConsole(server, browser);
    guard.expectFailedResponse(SESSION_PATH, 429);
    await typeCredentials(page, viewer.email, viewer.password);
    await poll(() => alert(page).textContent(), 30_000).toMatch(
      /^Too many failed sign-ins\. Try again in 1[0-5] minutes\.$/,
    );
    await screenshot(page, 'console-sign-in', 'locked');
    guard.assertClean();
    await close();
  });

  it('sends an operator whose session ran out back to sign-in, saying so', async () => {
    const viewer = await createOperator(server, { role: 'viewer' });
    const { page, guard, close } = await openConsole(server, browser);
    await typeCredentials(page, viewer.email, viewer.password);
    await poll(() => heading(page).textContent()).toBe('Overview');

    server.clock.advance(31 * 60_000); // past the 30-minute idle timeout
    // Whichever call meets the ended session first (the page or the overview it leaves) is refused.
    guard.expectFailedResponse('/console/api/dossiers/some-dossier', 401);
    guard.expectFailedResponse('/console/api/overview', 401);
    await page.goto(`${server.baseUrl}/console/#/dossier/some-dossier`);
    await poll(() => page.getByTestId('sign-in-notice').textContent()).toBe(
      'Your session has ended. Sign in again to continue.',
    );
    await poll(() => heading(page).textContent()).toBe('Sign in');
    await screenshot(page, 'console-sign-in', 'expired');
    guard.assertClean();
    await close();
  });
});
