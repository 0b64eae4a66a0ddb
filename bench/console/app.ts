/**
 * The console app: what it weighs, and how soon the overview is usable after an operator opens the console
 * (Chromium, empty cache, signed in), median of several loads, on a laptop-sized screen.
 *
 *   npx tsx bench/console/app.ts [--runs 7] [--processes 200]
 */
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { chromiumUnavailable, launchChromium } from '../../test/browser/support/chromium.js';
import { buildConsoleApp } from '../../test/browser/support/build.js';
import { buildSizes, gzipSize, type Sizes } from '../capture/bundle-size.js';
import { fetchToken, postJson } from '../shared/http.js';
import { describeRun } from '../shared/machine.js';
import { median } from '../shared/stats.js';
import { openBenchStore } from '../shared/stores.js';

const { values: flags } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, processes: { type: 'string', default: '200' } },
});
const runs = Number(flags.runs);
const processCount = Number(flags.processes);
/** The overview is usable once its figures are there and both charts are drawn. */
const USABLE = '[data-testid="overview-ready"]';

const unavailable = chromiumUnavailable();
if (unavailable) throw new Error(unavailable);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)}` : 'n/a');

// Runs before the page's own scripts (injected by the DevTools protocol, not subject to the page's CSP):
// notes the moment the overview's figures are in the document and both charts have their canvas.
const WATCH = `(() => {
  const seen = () => {
    const overview = document.querySelector(${JSON.stringify(USABLE)});
    if (!overview || overview.querySelectorAll('canvas').length < 2) return false;
    window.__usableAt = performance.now();
    return true;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true });
})();`;

interface Load {
  usableMs: number;
  sizes: Sizes;
}

/** One cold load of the console with a signed-in session: a fresh context (empty cache) holding only the cookie. */
async function loadOnce(browser: Browser, baseUrl: string, cookie: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  try {
    const [name = '', value = ''] = cookie.split('=', 2);
    await context.addCookies([{ name, value, url: `${baseUrl}/console/` }]);
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH });
    const bodies: Promise<{ type: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet')
        bodies.push(response.body().then((body) => ({ type, bytes: gzipSize(body) })));
    });
    await page.goto(`${baseUrl}/console/`);
    // A locator, not waitForFunction: the page's CSP refuses the eval that polls a function in the page.
    await page.locator(`${USABLE} canvas`).nth(1).waitFor({ timeout: 60_000 });
    const usableMs = await page.evaluate<number>('window.__usableAt');
    const sizes: Sizes = { js: 0, css: 0, files: 0 };
    for (const { type, bytes } of await Promise.all(bodies)) {
      sizes[type === 'script' ? 'js' : 'css'] += bytes;
      sizes.files++;
    }
    return { usableMs, sizes };
  } finally {
    await context.close();
  }
}

const distDir = await buildConsoleApp();
const built = await buildSizes(distDir);
const store = await openBenchStore('sqlite', { label: 'console-app' });
const app = await createOpenAssure(
  loadConfig({ ...store.env, OPENASSURE_PUBLIC_URL: 'http://127.0.0.1', OPENASSURE_CONSOLE_APP_DIR: distDir }),
  { logger: createLogger('warn', process.stderr) },
);
const loads: Load[] = [];
try {
  await app.http.listen({ host: '127.0.0.1', port: 0 });
  const address = app.http.server.address();
  if (typeof address !== 'object' || !address) throw new Error('The server has no address.');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  // Something to chart: sandbox processes of two providers, half of them failed (a final status).
  const client = await app.clients.create('bench-console', 'sandbox');
  const token = await fetchToken(baseUrl, client.clientId, client.clientSecret);
  for (let i = 0; i < processCount; i++) {
    const { dossierId } = await postJson<{ dossierId: string }>(`${baseUrl}/assure/dossiers`, token, {}, 'dossier');
    const path = `${baseUrl}/assure/dossiers/${dossierId}/processes`;
    const provider = i % 2 ? 'onfido' : 'signicatpaper';
    const body = provider === 'onfido' ? { provider } : { provider, documentType: 'passport', documentCountry: 'NLD' };
    const { processId } = await postJson<{ processId: string }>(path, token, body, 'process');
    if (i % 2) {
      const failed = await fetch(`${path}/${processId}/fail`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      if (failed.status !== 200) throw new Error(`fail: ${failed.status}`);
    }
  }

  const operator = await app.services.operators.create(
    { email: 'bench@example.test', role: 'viewer', clients: null },
    'cli',
  );
  const signIn = await fetch(`${baseUrl}/console/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: operator.email, password: operator.password }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
  if (signIn.status !== 200 || !cookie) throw new Error(`sign-in: ${signIn.status}`);

  const browser = await launchChromium();
  try {
    for (let i = 0; i < runs; i++) {
      loads.push(await loadOnce(browser, baseUrl, cookie));
      process.stderr.write(`load ${i + 1}/${runs}: ${ms(loads.at(-1)!.usableMs)} ms\n`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
  await store.cleanup();
}

const fetched = loads[0]?.sizes ?? { js: 0, css: 0, files: 0 };
const times = loads.map((load) => load.usableMs);
console.log(
  [
    '## bench/console: the console app',
    '',
    ...describeRun(),
    `- ${processCount} sandbox processes behind the overview; a fresh browser context (empty cache) per load, signed in`,
    '',
    '| bytes (gzip -9) | JavaScript | CSS |',
    '| --- | ---: | ---: |',
    `| the whole build (${built.files} files) | ${kb(built.js)} | ${kb(built.css)} |`,
    `| fetched until the overview is usable | ${kb(fetched.js)} | ${kb(fetched.css)} |`,
    '',
    `Time from the start of navigation until the overview's figures and both charts are drawn, median of ${runs}:`,
    '',
    '| median ms | loads (ms) |',
    '| ---: | --- |',
    `| ${ms(median(times))} | ${times.map(ms).join(', ')} |`,
  ].join('\n'),
);
