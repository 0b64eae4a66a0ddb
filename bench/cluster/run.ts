/**
 * The cluster bench: the production topology as processes on this machine (2 API nodes, 2 workers,
 * PostgreSQL, s3rver, a round-robin proxy; see topology.ts) under a mixed load sent through the SDK:
 * reads, new dossiers with processes, and full sandbox verifications with a webhook endpoint. The same
 * load then goes to one API node directly, as the baseline of the same run.
 *
 *   npx tsx bench/cluster/run.ts [--seconds 20] [--users 8]
 */
import { parseArgs } from 'node:util';
import { createAssureClient, unwrap, type AssureApi } from '../../packages/client/src/index.js';
import { jpegDataUrl } from '../../test/support/images.js';
import { describeRun } from '../shared/machine.js';
import { fixed, percentile } from '../shared/stats.js';
import { Topology } from './topology.js';
import { startVerification, subscribe, waitFinal } from './verifications.js';
import { WebhookSink } from './webhook-sink.js';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '20' }, users: { type: 'string', default: '8' } },
});
const seconds = Number(values.seconds);
const users = Number(values.users);

type Operation = 'read' | 'create' | 'verify';
/** The mix: mostly reads, some new processes, a few verifications (each of those is 4 requests). */
const mix: Array<[Operation, number]> = [
  ['read', 0.6],
  ['create', 0.25],
  ['verify', 0.15],
];

interface Phase {
  label: string;
  latencies: Record<Operation, number[]>;
  errors: number;
  requests: number;
  verifications: Array<{ dossierId: string; processId: string }>;
  elapsedMs: number;
}

function pick(): Operation {
  let roll = Math.random();
  for (const [operation, share] of mix) {
    if ((roll -= share) < 0) return operation;
  }
  return 'read';
}

async function runPhase(label: string, api: AssureApi, photo: string): Promise<Phase> {
  const phase: Phase = {
    label,
    latencies: { read: [], create: [], verify: [] },
    errors: 0,
    requests: 0,
    verifications: [],
    elapsedMs: 0,
  };
  const { dossierId } = await unwrap(api.POST('/assure/dossiers', { body: {} }));
  const startedAt = performance.now();
  const end = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (performance.now() < end) {
        const operation = pick();
        const t0 = performance.now();
        try {
          if (operation === 'read') {
            await unwrap(api.GET('/assure/dossiers/{dossierId}', { params: { path: { dossierId } } }));
            phase.requests += 1;
          } else if (operation === 'create') {
            await unwrap(
              api.POST('/assure/dossiers/{dossierId}/processes', {
                params: { path: { dossierId } },
                body: { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' },
              }),
            );
            phase.requests += 1;
          } else {
            phase.verifications.push(await startVerification(api, photo));
            phase.requests += 4;
          }
          phase.latencies[operation].push(performance.now() - t0);
        } catch (error) {
          phase.errors++;
          if (phase.errors <= 3) console.error(`[${label}] ${operation}:`, (error as Error).message);
        }
      }
    }),
  );
  phase.elapsedMs = performance.now() - startedAt;
  return phase;
}

const topology = await Topology.start({ apiNodes: 2, workers: 2 });
const sink = await WebhookSink.start();
try {
  const photo = await jpegDataUrl();
  const viaProxy = createAssureClient({ baseUrl: topology.proxy.url, ...topology.client }).api;
  const direct = createAssureClient({ baseUrl: topology.apiUrls[0]!, ...topology.client }).api;
  sink.setSecret('bench', await subscribe(viaProxy, sink.url('bench')));

  const phases = [
    await runPhase('2 API nodes via proxy', viaProxy, photo),
    await runPhase('1 API node directly', direct, photo),
  ];

  // Every verification of the run must end, each with one signed process.completed.
  const all = phases.flatMap((p) => p.verifications);
  const drainStart = performance.now();
  const finals = await Promise.all(all.map((ids) => waitFinal(viaProxy, ids, 180_000)));
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const deadline = Date.now() + 30_000;
  const ids = all.map((v) => v.processId);
  while (sink.tally(ids)[0]!.once < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const [tally] = sink.tally(ids);

  console.log(describeRun().join('\n'));
  console.log(`\n${users} users, ${seconds} s per phase; mix ${mix.map(([o, s]) => `${o} ${s * 100}%`).join(', ')}\n`);
  console.log('| Phase | Requests/s | read p50 / p95 ms | create p50 / p95 ms | verify start p50 / p95 ms | Errors |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const p of phases) {
    const cell = (o: Operation) =>
      `${fixed(percentile(p.latencies[o], 50))} / ${fixed(percentile(p.latencies[o], 95))}`;
    console.log(
      `| ${p.label} | ${fixed(p.requests / (p.elapsedMs / 1000))} | ${cell('read')} | ${cell('create')} | ${cell('verify')} | ${p.errors} |`,
    );
  }
  const [cluster, single] = phases as [Phase, Phase];
  console.log(
    `\nThroughput ratio, cluster / one node: ${fixed(cluster.requests / cluster.elapsedMs / (single.requests / single.elapsedMs), 2)}`,
  );
  const byStatus = finals.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
  console.log(
    `Verifications: ${all.length}, final statuses ${JSON.stringify(byStatus)}, all final ${fixed(drainSeconds)} s after the load`,
  );
  console.log(`process.completed webhooks: ${JSON.stringify(tally)}, bad signatures ${sink.rejected}`);
} finally {
  await sink.close();
  await topology.stop();
}
