/**
 * Latency of the console's process search (the query behind GET /console/api/processes) over a million
 * processes on PostgreSQL, in a throwaway database filled with one INSERT ... SELECT generate_series per
 * table: an exact identifier, one client's newest, and a status within a date range.
 *
 *   npx tsx bench/console/run.ts [--count 1000000] [--samples 200]
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { ProcessSearch } from '../../src/store/repositories/console-search.js';
import { describeRun } from '../shared/machine.js';
import { fixed, median, percentile } from '../shared/stats.js';
import { openBenchStore } from '../shared/stores.js';

const { values: flags } = parseArgs({
  options: { count: { type: 'string', default: '1000000' }, samples: { type: 'string', default: '200' } },
});
const count = Number(flags.count);
const samples = Number(flags.samples);
const clients = 20;
const dayMs = 86_400_000;
const goalMs = 100;

console.log([`## bench/console`, '', ...describeRun()].join('\n'));
const bench = await openBenchStore('postgres', { label: `console-${count}` });
const store = await openStore(loadConfig({ ...bench.env, LOG_LEVEL: 'silent' }));
try {
  const start = Date.UTC(2026, 0, 1);
  process.stderr.write(`seeding ${count} processes...\n`);
  const seeded = performance.now();
  await sql`insert into clients (id, name, secret_hash, environment, created_at, updated_at)
    select 'client-' || i, 'Client ' || i, 'x', 'sandbox', ${start}, ${start} from generate_series(1, ${clients}) i`.execute(
    store.db,
  );
  // One dossier per process, spread over a year, evenly over the clients; one in 20 finished.
  await sql`insert into dossiers (id, client_id, external_reference, created_at, updated_at)
    select 'd-' || i, 'client-' || (i % ${clients} + 1), 'ref-' || i, ${start}::bigint + i::bigint * 31536, ${start}::bigint + i::bigint * 31536
    from generate_series(1, ${count}) i`.execute(store.db);
  await sql`insert into processes (id, dossier_id, client_id, provider, status, options, external_id, created_at, updated_at)
    select 'p-' || i, 'd-' || i, 'client-' || (i % ${clients} + 1),
      (array['onfido','signicatpaper','readid','facetec'])[i % 4 + 1],
      (array['pending','processing','accepted','rejected','inconclusive','failed','canceled'])[i % 7 + 1],
      '{}', 'ext-' || i, ${start}::bigint + i::bigint * 31536, ${start}::bigint + i::bigint * 31536
    from generate_series(1, ${count}) i`.execute(store.db);
  await sql`analyze`.execute(store.db);
  process.stderr.write(`seeded in ${fixed((performance.now() - seeded) / 1000)} s\n`);

  const pick = () => 1 + Math.floor(Math.random() * count);
  const cases: { name: string; search: () => ProcessSearch }[] = [
    { name: 'q = exact process id', search: () => ({ clients: null, q: `p-${pick()}` }) },
    { name: 'q = external reference', search: () => ({ clients: null, q: `ref-${pick()}` }) },
    { name: 'clientId, newest 50', search: () => ({ clients: null, clientId: `client-${1 + (pick() % clients)}` }) },
    {
      name: 'status + 7-day range',
      search: () => {
        const from = start + Math.floor(Math.random() * 300) * dayMs;
        return { clients: null, status: 'accepted', from, to: from + 7 * dayMs };
      },
    },
    { name: 'everything, newest 50', search: () => ({ clients: null }) },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    for (let i = 0; i < 5; i++) await store.repos.consoleSearch.searchProcesses(c.search(), 51);
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      await store.repos.consoleSearch.searchProcesses(c.search(), 51);
      times.push(performance.now() - started);
    }
    const p50 = median(times);
    rows.push(`| ${c.name} | ${fixed(p50)} | ${fixed(percentile(times, 95))} | ${p50 < goalMs ? 'yes' : 'NO'} |`);
  }
  console.log(`\n${count} processes, ${clients} clients, PostgreSQL; ${samples} samples per case, limit 50.\n`);
  console.log(['| search | p50 ms | p95 ms | p50 < 100 ms |', '| --- | ---: | ---: | --- |', ...rows].join('\n'));

  // The plans, to show each search runs on an index.
  const plan = async (label: string, query: ReturnType<typeof sql>) => {
    const result = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(store.db);
    const lines = result.rows.map((r) => r['QUERY PLAN']).filter((l) => /Index|Seq Scan|Bitmap/.test(l));
    console.log(`\n${label}:\n${lines.map((l) => `    ${l.trim()}`).join('\n')}`);
  };
  await plan(
    'exact id (the identifier lookups; the page then reads these ids by primary key)',
    sql`select id from processes where id = 'ref-1' union select id from processes where dossier_id = 'ref-1' union select id from processes where external_id = 'ref-1' union select p.id from processes p join dossiers d on d.id = p.dossier_id where d.external_reference = 'ref-1' limit 1000`,
  );
  await plan(
    'clientId',
    sql`select * from processes p where p.client_id = 'client-3' order by p.created_at desc, p.id desc limit 51`,
  );
  await plan(
    'status + range',
    sql`select * from processes p where p.status = 'accepted' and p.created_at >= ${start + 100 * dayMs} and p.created_at < ${start + 107 * dayMs} order by p.created_at desc, p.id desc limit 51`,
  );
} finally {
  await store.close();
  await bench.cleanup();
}
