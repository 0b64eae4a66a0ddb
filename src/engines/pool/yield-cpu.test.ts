import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** Runs yieldCpuToEventLoop() in a fresh worker thread, as the engine pool does; resolves that thread's nice value. */
function niceOfAnEngineThread(): Promise<number> {
  // A data: URL module cannot resolve bare specifiers: find tsx's ESM API entry by its package exports.
  const tsxPackage = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(tsxPackage, 'utf8')) as {
    exports: Record<string, { import: string | { default: string } }>;
  };
  const entry = exports['./esm/api']!.import;
  const tsx = pathToFileURL(
    path.join(path.dirname(tsxPackage), typeof entry === 'string' ? entry : entry.default),
  ).href;
  const subject = new URL('./yield-cpu.ts', import.meta.url).href;
  const code = `
    import os from 'node:os';
import path from 'node:path';
    import { parentPort } from 'node:worker_threads';
    import { register } from ${JSON.stringify(tsx)};
    register();
    const { yieldCpuToEventLoop } = await import(${JSON.stringify(subject)});
    yieldCpuToEventLoop();
    parentPort.postMessage(os.getPriority(0));
  `;
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`));
  return new Promise((resolve, reject) => {
    worker.once('message', (nice: number) => void worker.terminate().then(() => resolve(nice)));
    worker.once('error', reject);
  });
}

describe.runIf(process.platform === 'linux')('engine threads give way to the event loop', () => {
  it('lowers the priority of the engine thread only, not of the thread serving the API', async () => {
    const before = os.getPriority(0);
    const engineNice = await niceOfAnEngineThread();
    expect(engineNice).toBe(Math.max(before, os.constants.priority.PRIORITY_BELOW_NORMAL));
    expect(os.getPriority(0)).toBe(before);
  });
});
