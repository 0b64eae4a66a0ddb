/**
 * Throughput of the API against a bare Fastify route: GET process, POST dossier and the baseline,
 * each measured in interleaved rounds by autocannon in this process while the servers run in their own.
 *
 *   npx tsx bench/api/run.ts [--postgres] [--connections 50] [--duration 10] [--warmup 2] [--rounds 3]
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild } from '../shared/child.js';
import { expectJson } from '../shared/http.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { fixed, median } from '../shared/stats.js';
import { openBenchStore } from '../shared/stores.js';
import type { BaselineSettings } from './baseline-server.js';
import type { FloorSettings } from './floor-server.js';
import { measure, type LoadSettings, type Measurement, type Scenario } from './load.js';

const { values: flags } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    rounds: { type: 'string', default: '3' },
  },
});
const load: LoadSettings = {
  connections: Number(flags.connections),
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
};
const rounds = Number(flags.rounds);
/** The goal set for the project: GET process at this share of the bare route's throughput, or more. */
const goalShare = 0.5;
const kind = flags.postgres ? 'postgres' : 'sqlite';
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

const store = await openBenchStore(kind, { label: 'api' });
try {
  const settings: OpenAssureServerSettings = { env: store.env, withProcess: true };
  const server = await startChild<OpenAssureServerInfo>(script('../shared/openassure-server.ts'), settings);
  try {
    const { port, token, dossierId, processId } = server.info;
    const base = `http://127.0.0.1:${port}`;
    const auth = { authorization: `Bearer ${token}` };
    const processUrl = `${base}/assure/dossiers/${dossierId}/processes/${processId}`;
    // The baseline answers the very same object, so both send the same bytes.
    const processBody = await expectJson<Record<string, unknown>>(
      await fetch(processUrl, { headers: auth }),
      200,
      'GET process',
    );
    const bodyBytes = Buffer.byteLength(JSON.stringify(processBody));
    const baselineSettings: BaselineSettings = { body: processBody };
    const baseline = await startChild<{ port: number }>(script('baseline-server.ts'), baselineSettings);
    try {
      const baselineUrl = `http://127.0.0.1:${baseline.info.port}/baseline`;
      const baselineBytes = (await (await fetch(baselineUrl)).arrayBuffer()).byteLength;
      if (baselineBytes !== bodyBytes) throw new Error(`Baseline body is ${baselineBytes} bytes, not ${bodyBytes}.`);
      // On SQLite, the floor: a bare route doing the same single row read (see floor-server.ts).
      const floor =
        kind === 'sqlite'
          ? await startChild<{ port: number }>(script('floor-server.ts'), {
              dataDir: store.env.OPENASSURE_DATA_DIR!,
              clientId: server.info.clientId,
            } satisfies FloorSettings)
          : undefined;
      const scenarios: Scenario[] = [
        { name: 'GET process', url: processUrl, method: 'GET', headers: auth },
        {
          name: 'POST dossier',
          url: `${base}/assure/dossiers`,
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ externalReference: 'bench' }),
        },
        ...(floor
          ? [
              {
                name: 'floor (bare Fastify + one raw SQLite lookup)',
                url: `http://127.0.0.1:${floor.info.port}/assure/dossiers/${dossierId}/processes/${processId}`,
                method: 'GET' as const,
              },
            ]
          : []),
        { name: `baseline (bare Fastify, ${bodyBytes} B JSON)`, url: baselineUrl, method: 'GET' },
      ];
      try {
        const runs = await measureInterleaved(scenarios);
        printReport(scenarios, runs, bodyBytes);
      } finally {
        await floor?.stop();
      }
    } finally {
      await baseline.stop();
    }
  } finally {
    await server.stop();
  }
} finally {
  await store.cleanup();
}

/** Round after round of every scenario, so that a slow spell of the machine hits all of them alike. */
async function measureInterleaved(scenarios: Scenario[]): Promise<Map<string, Measurement[]>> {
  const runs = new Map<string, Measurement[]>(scenarios.map((s) => [s.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const scenario of scenarios) {
      const result = await measure(scenario, load);
      runs.get(scenario.name)!.push(result);
      log(
        `round ${round}/${rounds} ${scenario.name}: ${fixed(result.requestsPerSecond, 0)} req/s, p50 ${result.p50} ms`,
      );
      if (result.failures > 0) log(`  WARNING: ${result.failures} errors, timeouts or non-2xx responses`);
    }
  }
  return runs;
}

function printReport(scenarios: Scenario[], runs: Map<string, Measurement[]>, bodyBytes: number): void {
  const of = (name: string, pick: (m: Measurement) => number) => median(runs.get(name)!.map(pick));
  const baselineRps = of(scenarios.at(-1)!.name, (m) => m.requestsPerSecond);
  const share = of(scenarios[0]!.name, (m) => m.requestsPerSecond) / baselineRps;
  const lines = [
    `## bench/api on ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
    '',
    ...describeRun(),
    `- load: ${load.connections} connections, ${load.duration} s after a ${load.warmup} s warm-up, ${rounds} interleaved rounds; medians of the rounds`,
    `- GET process response: ${bodyBytes} bytes of JSON`,
    '',
    '| scenario | requests/s | p50 ms | p99 ms | vs baseline | requests/s of each round | failed |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...scenarios.map(({ name }) => {
      const rps = of(name, (m) => m.requestsPerSecond);
      const each = runs.get(name)!.map((m) => fixed(m.requestsPerSecond, 0));
      const failed = runs.get(name)!.reduce((sum, m) => sum + m.failures, 0);
      return `| ${name} | ${fixed(rps, 0)} | ${of(name, (m) => m.p50)} | ${of(name, (m) => m.p99)} | ${fixed((100 * rps) / baselineRps, 0)}% | ${each.join(', ')} | ${failed} |`;
    }),
    '',
    `GET process at ${fixed(100 * share, 0)}% of the baseline; goal ${100 * goalShare}% or more: ${share >= goalShare ? 'met' : 'NOT met'}.`,
  ];
  console.log(lines.join('\n'));
  const failures = [...runs.values()].flat().reduce((sum, m) => sum + m.failures, 0);
  if (failures > 0) {
    console.error(`!!! ${failures} requests failed (errors, timeouts or non-2xx): the figures above are suspect.`);
    process.exitCode = 1;
  }
}
