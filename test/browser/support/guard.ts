import type { BrowserContext, Page } from 'playwright-core';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

// Runs in every page before its own scripts: CSP violations are events in the page, not console lines one can
// rely on, so each one is reported back through a binding.
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (event) => {
  window.__reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline') +
    (event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : ''));
});`;

/**
 * Watches a browser context for what must never happen on the capture page: a console error, an uncaught
 * exception, a CSP violation, or a request that leaves loopback (aborted and recorded). `problems` lists
 * them; `assertClean()` fails the test when there is any.
 */
export class PageGuard {
  readonly problems: string[] = [];
  readonly offLoopback: string[] = [];
  private readonly expectedFailures: { path: string; status: number }[] = [];

  /**
   * Chromium logs every 4xx/5xx answer to a fetch as a console error. An answer the test itself provokes (401
   * without a session, 404 for an unknown link) is part of the flow; declare it here and it is not a problem.
   */
  expectFailedResponse(path: string, status: number): void {
    this.expectedFailures.push({ path, status });
  }

  private expected(text: string, url: string | undefined): boolean {
    const status = /status of (\d{3})/.exec(text)?.[1];
    if (!status || !url) return false;
    const { pathname } = new URL(url);
    return this.expectedFailures.some((failure) => failure.path === pathname && String(failure.status) === status);
  }

  static async attach(context: BrowserContext): Promise<PageGuard> {
    const guard = new PageGuard();
    await context.exposeBinding('__reportCspViolation', (_source, text: string) => {
      guard.problems.push(`CSP violation: ${text}`);
    });
    await context.addInitScript({ content: REPORT_CSP });
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (isLoopback(url)) return route.continue();
      guard.offLoopback.push(url);
      guard.problems.push(`request off loopback: ${url}`);
      return route.abort('blockedbyclient');
    });
    context.on('page', (page) => guard.watch(page));
    for (const page of context.pages()) guard.watch(page);
    return guard;
  }

  private watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (this.expected(message.text(), message.location().url)) return;
      this.problems.push(`console error: ${message.text()} (${message.location().url ?? 'no location'})`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught: ${error.message}`));
  }

  assertClean(): void {
    if (this.problems.length) throw new Error(`The page misbehaved:\n  ${this.problems.join('\n  ')}`);
  }
}
