import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.js';
import { launchChromium } from './support/chromium.js';
import { navigate, signedIn, startConsoleServer, type SignedIn, poll } from './support/console.js';
import { screenshot } from './support/screenshots.js';
import { skipBrowserTests } from './support/suite.js';

/** Whether the client credentials get an access token. */
async function tokenWorks(server: TestServer, clientId: string, clientSecret: string): Promise<boolean> {
  const response = await fetch(`${server.baseUrl}/auth/open/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
  });
  return response.status === 200;
}

const secretIn = async (where: Locator) => (await where.getByTestId('client-secret').textContent()) ?? '';

describe.skipIf(skipBrowserTests())('clients in the console', { timeout: 120_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let admin: SignedIn;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchChromium();
    admin = await signedIn(server, browser, { role: 'admin' });
  });

  afterAll(async () => {
    await admin?.close();
    await browser?.close();
    await server?.close();
  });

  it('creates a live client, rotates its secret (the old one stops working), changes its settings, deletes it', async () => {
    const { page } = admin;
    const name = `Console client ${Date.now()}`;
    await navigate(page, 'clients', 'Clients');
    await page.getByTestId('client-create-name').fill(name);
    await page.getByTestId('client-create-environment').selectOption('live');
    await page.getByTestId('client-create').click();
    const created = page.getByTestId('client-created');
    await poll(() => created.isVisible()).toBe(true);
    const clientId = (await created.getByTestId('client-created-id').textContent()) ?? '';
    const firstSecret = await secretIn(created);
    expect(await tokenWorks(server, clientId, firstSecret)).toBe(true);
    await screenshot(page, 'console-clients', 'created');

    const row = page.getByTestId(`client-${clientId}`);
    await poll(() => row.textContent()).toContain(name);
    expect(await row.textContent()).toContain('live');
    await row.getByTestId('client-rotate').click();
    await poll(() => row.getByTestId('client-secret').isVisible()).toBe(true);
    const secondSecret = await secretIn(row);
    expect(secondSecret).not.toBe(firstSecret);
    expect(await tokenWorks(server, clientId, firstSecret)).toBe(false);
    expect(await tokenWorks(server, clientId, secondSecret)).toBe(true);

    await row.getByText('Settings', { exact: true }).click();
    const settings = row.getByTestId('client-settings');
    await settings.getByRole('checkbox', { name: 'signicatvideoid' }).check();
    await settings.getByTestId('client-four-eyes').check();
    await settings.getByTestId('client-settings-save').click();
    await poll(() => settings.getByRole('status').textContent()).toBe('Saved.');
    // What the server keeps, seen after a reload.
    await page.reload();
    await row.getByText('Settings', { exact: true }).click();
    await poll(() => settings.getByTestId('client-four-eyes').isChecked()).toBe(true);
    expect(await settings.getByRole('checkbox', { name: 'signicatvideoid' }).isChecked()).toBe(true);
    expect(await settings.getByRole('checkbox', { name: 'onfido' }).isChecked()).toBe(false);

    await row.getByText('Delete', { exact: true }).click();
    const confirm = row.getByTestId('client-delete-confirm');
    await confirm.fill(name.slice(0, -1));
    expect(await row.getByTestId('client-delete').isDisabled()).toBe(true);
    await confirm.fill(name);
    await screenshot(page, 'console-clients', 'delete');
    await row.getByTestId('client-delete').click();
    await poll(() => row.count()).toBe(0);
    expect(await tokenWorks(server, clientId, secondSecret)).toBe(false);
    admin.guard.assertClean();
  });
});
