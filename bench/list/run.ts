/**
 * Latency of the process list (GET /assure/processes) over a million processes of one client, on
 * SQLite and PostgreSQL: deep offsets, with and without status filters, checked against the seed.
 *
 *   npx tsx bench/list/run.ts [--store sqlite|postgres|both] [--count 1000000] [--dossiers N] [--keep]
 *
 * --keep leaves the seeded store in .bench-data/ (and database openassure_bench_list_<count>) and
 * reuses it on the next run with --keep and the same count, skipping the seeding.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ProcessStatus } from '../../src/core/process-status.js';
import { toIsoSeconds } from '../../src/core/time.js';
import { startChild } from '../shared/child.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { fixed } from '../shared/stats.js';
import { openBenchStore, type StoreKind } from '../shared/stores.js';
import { expectedPage } from './expected.js';
import { measureCase, type CaseResult, type ListCase } from './measure.js';
import { statusesOf } from './plan.js';
import { prepareStore, seedFile, type SeededStore } from './prepare.js';

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    count: { type: 'string', default: '1000000' },
    dossiers: { type: 'string' },
    keep: { type: 'boolean', default: false },
    warmups: { type: 'string', default: '3' },
    samples: { type: 'string', default: '30' },
  },
});
if (!['sqlite', 'postgres', 'both'].includes(flags.store)) throw new Error('--store is sqlite, postgres or both.');
const kinds: StoreKind[] = flags.store === 'both' ? ['sqlite', 'postgres'] : [flags.store as StoreKind];
const count = Number(flags.count);
const dossiers = Number(flags.dossiers ?? Math.max(1, Math.round(count / 20)));
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(dossiers) || dossiers < 1 || dossiers > count) {
  throw new Error('--count and --dossiers are positive integers, with no more dossiers than processes.');
}
const limit = 100;
const goalMs = 50;
const filters: ProcessStatus[][] = [[], ['failed'], ['accepted', 'rejected']];
const cases: ListCase[] = [0, 100_000, 200_000].flatMap((offset) => filters.map((statuses) => ({ statuses, offset })));

console.log([`## bench/list`, '', ...describeRun()].join('\n'));
let mismatches = 0;
for (const kind of kinds) mismatches += await runOn(kind);
if (mismatches > 0) {
  console.error(`\n!!! ${mismatches} case(s) answered something other than the seeded rows: see the table(s) above.`);
  process.exitCode = 1;
}

async function runOn(kind: StoreKind): Promise<number> {
  const store = await openBenchStore(kind, { label: `list-${count}`, keep: flags.keep, completeMarker: seedFile });
  try {
    process.stderr.write(
      `${kind}: ${store.reused ? 'reusing the kept' : 'seeding a fresh'} store in ${store.dataDir}\n`,
    );
    const seeded = await prepareStore(store, count, dossiers);
    const settings: OpenAssureServerSettings = {
      env: store.env,
      client: { id: seeded.plan.clientId, secret: seeded.clientSecret },
    };
    const server = await startChild<OpenAssureServerInfo>(
      fileURLToPath(new URL('../shared/openassure-server.ts', import.meta.url)),
      settings,
    );
    try {
      const results = await measureAll(seeded, server.info);
      printTable(kind, store.reused, seeded, results);
      return results.filter(([, result]) => result.problems.length > 0).length;
    } finally {
      await server.stop();
    }
  } finally {
    await store.cleanup();
    if (flags.keep) process.stderr.write(`${kind}: kept in ${store.dataDir}\n`);
  }
}

async function measureAll(seeded: SeededStore, server: OpenAssureServerInfo): Promise<[ListCase, CaseResult][]> {
  const statuses = statusesOf(seeded.plan);
  const results: [ListCase, CaseResult][] = [];
  for (const listCase of cases) {
    const query = {
      ...listCase,
      baseUrl: `http://127.0.0.1:${server.port}`,
      token: server.token,
      startCreationDate: toIsoSeconds(seeded.plan.startMs),
      limit,
    };
    const expected = expectedPage(seeded.plan, statuses, listCase.statuses, listCase.offset, limit);
    const result = await measureCase(query, expected, Number(flags.warmups), Number(flags.samples));
    process.stderr.write(`  ${label(listCase)}: p50 ${fixed(result.p50)} ms\n`);
    for (const problem of result.problems) console.error(`!!! MISMATCH ${label(listCase)}: ${problem}`);
    results.push([listCase, result]);
  }
  return results;
}

function label(c: ListCase): string {
  return `${c.statuses.length === 0 ? 'no status filter' : c.statuses.join('+')} @ ${c.offset}`;
}

function printTable(kind: StoreKind, reused: boolean, seeded: SeededStore, results: [ListCase, CaseResult][]): void {
  const { plan, seconds } = seeded;
  const took =
    seconds &&
    `${seconds.total} s (rows ${seconds.rows} s, process_counts ${seconds.counts} s, ANALYZE ${seconds.analyze} s)`;
  const seeding = reused
    ? `kept store reused (seeded by an earlier run in ${took ?? '?'})`
    : `seeded in ${took ?? '?'}`;
  const lines = [
    '',
    `### ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    '',
    `- ${plan.count.toLocaleString('en')} processes of one client in ${plan.dossiers.toLocaleString('en')} dossiers over 30 days; ${seeding}`,
    `- GET /assure/processes?startCreationDate=${toIsoSeconds(plan.startMs)}&limit=${limit}; ${flags.warmups} warm-up then ${flags.samples} sequential requests per row; goal p50 < ${goalMs} ms`,
    '',
    '| status filter | offset | p50 ms | p95 ms | totalResults | matches seed |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    ...results.map(([c, r]) => {
      const filter = c.statuses.length === 0 ? '(none)' : c.statuses.map((s) => `status=${s}`).join('&');
      const check = r.problems.length === 0 ? 'yes' : `**NO: ${r.problems.join('; ')}**`;
      return `| ${filter} | ${c.offset.toLocaleString('en')} | ${fixed(r.p50)} | ${fixed(r.p95)} | ${r.totalResults.toLocaleString('en')} | ${check} |`;
    }),
    '',
    `p50 under ${goalMs} ms in ${results.filter(([, r]) => r.p50 < goalMs).length} of ${results.length} cases.`,
  ];
  console.log(lines.join('\n'));
}
