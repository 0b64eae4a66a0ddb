import type { Browser, CDPSession, Page } from 'playwright-core';
import { gzipSize, type Sizes } from './bundle-size.js';

/** A mid-range phone on a slow 4G link, as DevTools' "Slow 4G" with a 4x slower CPU. */
export const MOBILE_PROFILE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  downloadBitsPerSecond: 1_600_000,
  uploadBitsPerSecond: 750_000,
};

export interface PageLoad {
  /** Milliseconds from the start of navigation until the first step's first control is on screen. */
  usableMs: number;
  /** The JavaScript and CSS this load fetched, gzipped -9. */
  sizes: Sizes;
}

// Runs before the page's own scripts (injected by the DevTools protocol, not subject to the page's CSP):
// notes the moment the first control of the first step is in the document and visible.
const watchForFirstControl = (selector: string) => `(() => {
  const seen = () => {
    const element = document.querySelector(${JSON.stringify(selector)});
    if (!element || !element.getClientRects().length) return false;
    window.__usableAt = performance.now();
    return true;
  };
  new MutationObserver((_, observer) => { if (seen()) observer.disconnect(); })
    .observe(document, { childList: true, subtree: true, attributes: true });
})();`;

async function throttle(session: CDPSession): Promise<void> {
  const profile = MOBILE_PROFILE;
  await session.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBitsPerSecond / 8,
    uploadThroughput: profile.uploadBitsPerSecond / 8,
  });
}

/**
 * Opens a capture link in a fresh context (empty cache, no cookie: a first visit) on a phone-sized screen,
 * throttled or not, and measures when `selector` (the first step's first control) is usable.
 */
export async function loadOnce(
  browser: Browser,
  url: string,
  selector: string,
  options: { throttled: boolean },
): Promise<PageLoad> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'en-GB',
  });
  try {
    const page: Page = await context.newPage();
    if (options.throttled) await throttle(await context.newCDPSession(page));
    await page.addInitScript({ content: watchForFirstControl(selector) });
    const bodies: Promise<{ type: string; bytes: number }>[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet')
        bodies.push(response.body().then((body) => ({ type, bytes: gzipSize(body) })));
    });
    await page.goto(url);
    await page.locator(selector).waitFor({ state: 'visible', timeout: 120_000 });
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
