/**
 * Sandbox verifications per second, end to end (create, upload, start, final status observed by
 * polling), with one API process that also runs the worker, and on PostgreSQL also with one API process
 * plus two worker processes.
 *
 *   npx tsx bench/verify/run.ts [--store sqlite|postgres|both] [--users 16] [--seconds 20]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild, type ChildServer } from '../shared/child.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { fixed } from '../shared/stats.js';
import { openBenchStore, type StoreKind } from '../shared/stores.js';
import { runVerifyLoad, type VerifyLoadResult } from './load.js';

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    users: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '20' },
  },
});
const users = Number(flags.users);
const seconds = Number(flags.seconds);
const kinds: StoreKind[] = flags.store === 'both' ? ['sqlite', 'postgres'] : [flags.store as StoreKind];
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

interface Row {
  setup: string;
  result: VerifyLoadResult;
}

const rows: Row[] = [];
for (const kind of kinds) {
  const setups: { name: string; workers: number }[] = [{ name: `${kind}: 1 API process with its worker`, workers: 0 }];
  if (kind === 'postgres') setups.push({ name: 'postgres: 1 API process + 2 worker processes', workers: 2 });
  for (const setup of setups) {
    const store = await openBenchStore(kind, { label: 'verify' });
    const children: ChildServer<unknown>[] = [];
    try {
      const settings: OpenAssureServerSettings = { env: store.env, worker: setup.workers === 0 };
      const server = await startChild<OpenAssureServerInfo>(script('../shared/openassure-server.ts'), settings);
      children.push(server);
      for (let i = 0; i < setup.workers; i++) {
        children.push(await startChild(script('../shared/openassure-worker.ts'), { env: store.env }));
      }
      const baseUrl = `http://127.0.0.1:${server.info.port}`;
      await runVerifyLoad(baseUrl, server.info.token, users, 3); // warm-up
      const result = await runVerifyLoad(baseUrl, server.info.token, users, seconds);
      process.stderr.write(`${setup.name}: ${fixed(result.perSecond)} verifications/s\n`);
      rows.push({ setup: setup.name, result });
    } finally {
      for (const child of children.reverse()) await child.stop();
      await store.cleanup();
    }
  }
}

console.log(
  [
    '## bench/verify: sandbox verifications end to end',
    '',
    ...describeRun(),
    `- load: ${users} concurrent integrators for ${seconds} s (after a 3 s warm-up), each: create dossier, create a signicatpaper process, upload the front image, start, poll Get process every 25 ms until final`,
    '',
    '| setup | verifications/s | completed | p50 ms | p95 ms | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ setup, result }) =>
        `| ${setup} | ${fixed(result.perSecond)} | ${result.completed} | ${result.p50Ms} | ${result.p95Ms} | ${result.errors} |`,
    ),
  ].join('\n'),
);
if (rows.some((row) => row.result.errors > 0)) process.exitCode = 1;
