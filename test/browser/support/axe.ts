import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

/** WCAG 2.2 AA, as the capture app promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * A context for accessibility checks. axe is injected as a script, which the page's CSP rightly refuses, so
 * axe runs in its own context with the CSP bypassed; the CSP itself is checked in the guarded contexts.
 */
export function newAxeContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...options, bypassCSP: true });
}

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/** The WCAG 2.2 AA violations axe finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE });
  // A string, because it runs in the page (where axe is a global), not in Node.
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS } });
  const result = await page.evaluate<AxeResult>(`axe.run(document, ${options})`);
  return result.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
