/**
 * Worker crashes: SIGKILLs workers in the middle of verifications on PostgreSQL, and checks that every
 * process still reaches exactly one final status and every webhook endpoint gets exactly one
 * `process.completed` message per process (0 lost, 0 duplicated), and how long the work a dead worker
 * held took to resume (from the kill to the job's next start, read from pg-boss's job table).
 *
 *   npx tsx bench/reliability/worker-kill.ts [--kills 10]      (the goal: --kills 100)
 *
 * Topology (bench/cluster/topology.ts): 1 API node, 2 workers (each killed one is replaced at once),
 * sandbox results that take 10 s, and 4 new verifications before each kill (2 workers x 2 slots),
 * so that kills land while verifications run.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createAssureClient } from '../../packages/client/src/index.js';
import { isFinal, type ProcessStatus } from '../../src/core/process-status.js';
import { jpegDataUrl } from '../../test/support/images.js';
import { Topology } from '../cluster/topology.js';
import { startVerification, subscribe, waitFinal } from '../cluster/verifications.js';
import { WebhookSink } from '../cluster/webhook-sink.js';
import { describeRun } from '../shared/machine.js';
import { fixed, median, percentile } from '../shared/stats.js';

const { values } = parseArgs({ options: { kills: { type: 'string', default: '10' } } });
const kills = Number(values.kills);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ActiveJob {
  id: string;
  started: number;
}

const topology = await Topology.start({
  apiNodes: 1,
  workers: 2,
  workerEnv: { OPENASSURE_SANDBOX_DELAY_MS: '10000' },
});
const db = new pg.Client({ connectionString: topology.env.DATABASE_URL });
await db.connect();
const sink = await WebhookSink.start();

const activeJobs = async (): Promise<ActiveJob[]> =>
  (
    await db.query<{ id: string; started: string }>(
      `select id, extract(epoch from started_on) * 1000 as started from pgboss.job
        where name = 'verify-process' and state = 'active'`,
    )
  ).rows.map((row) => ({ id: row.id, started: Number(row.started) }));

/**
 * Follows a job that was active when its worker may have been killed: resolves to the seconds from
 * the kill to its next start, or undefined when it finished where it was (the surviving worker held it).
 */
async function resumption(job: ActiveJob, killedAt: number): Promise<number | undefined | 'never'> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const { rows } = await db.query<{ state: string; started: string }>(
      `select state, extract(epoch from started_on) * 1000 as started from pgboss.job where id = $1`,
      [job.id],
    );
    const row = rows[0];
    if (row && Number(row.started) !== job.started) return (Number(row.started) - killedAt) / 1000;
    if (!row || row.state === 'completed' || row.state === 'failed') return undefined;
    await pause(200);
  }
  return 'never';
}

try {
  const api = createAssureClient({ baseUrl: topology.proxy.url, ...topology.client }).api;
  for (const endpoint of ['first', 'second']) sink.setSecret(endpoint, await subscribe(api, sink.url(endpoint)));
  const photo = await jpegDataUrl();
  const processes: Array<{ dossierId: string; processId: string }> = [];
  const follow: Array<Promise<number | undefined | 'never'>> = [];

  for (let kill = 1; kill <= kills; kill++) {
    // Keep verifications coming, so both workers are busy when one dies.
    for (let i = 0; i < 4; i++) processes.push(await startVerification(api, photo));
    let active = await activeJobs();
    for (let tries = 0; active.length === 0 && tries < 100; tries++) {
      await pause(100);
      active = await activeJobs();
    }
    const victim = topology.workers[Math.floor(Math.random() * topology.workers.length)]!;
    await topology.kill(victim);
    const killedAt = Date.now();
    follow.push(...active.map((job) => resumption(job, killedAt)));
    await topology.startWorker();
    process.stderr.write(`kill ${kill}/${kills}: ${active.length} active job(s) at the kill\n`);
  }

  const finals = await Promise.all(processes.map((ids) => waitFinal(api, ids, 300_000)));
  const resumed = await Promise.all(follow);
  const times = resumed.filter((r): r is number => typeof r === 'number');
  const never = resumed.filter((r) => r === 'never').length;

  const ids = processes.map((p) => p.processId);
  const deadline = Date.now() + 60_000;
  while (sink.tally(ids).some((t) => t.once + t.duplicated < ids.length) && Date.now() < deadline) await pause(250);
  await pause(3000);
  const { rows: events } = await db.query<{ process_id: string; status: ProcessStatus }>(
    'select process_id, status from process_events',
  );
  const finalCounts = new Map<string, number>();
  for (const event of events.filter((e) => isFinal(e.status))) {
    finalCounts.set(event.process_id, (finalCounts.get(event.process_id) ?? 0) + 1);
  }
  const oneFinal = ids.filter((id) => finalCounts.get(id) === 1).length;
  const byStatus = finals.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  console.log(describeRun().join('\n'));
  console.log(`\nSIGKILLs: ${kills}; processes: ${ids.length}; final statuses ${JSON.stringify(byStatus)}`);
  console.log(`Processes with exactly one final status event: ${oneFinal}/${ids.length}`);
  for (const t of sink.tally(ids)) {
    console.log(
      `Endpoint ${t.endpoint}: exactly one process.completed ${t.once}, lost ${t.lost}, duplicated ${t.duplicated}, ` +
        `same message redelivered ${t.redelivered}`,
    );
  }
  console.log(
    `Jobs a killed worker held: ${times.length} resumed, ${never} not within 120 s; resumption after the kill ` +
      `median ${fixed(median(times))} s, p95 ${fixed(percentile(times, 95))} s, max ${fixed(Math.max(...times))} s`,
  );
  console.log(`Bad webhook signatures: ${sink.rejected}`);
} finally {
  await db.end();
  await sink.close();
  await topology.stop();
}
