/**
 * Live verifications through the API with the built-in engines, and what they cost the API meanwhile.
 * One OpenAssure process with its worker and an engine pool of one thread per core. In each round, a
 * finished process is read with Get process first on the idle server, then while `users` integrators
 * run live verifications beside it. Figures are medians over the rounds.
 *
 *   npx tsx bench/verify-live/run.ts [--store sqlite|postgres|both] [--users 4] [--seconds 30] [--rounds 3]
 *
 * DEBUG_LIVE=1 prints each verification that did not end accepted, with its result.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startChild } from '../shared/child.js';
import { describeRun } from '../shared/machine.js';
import type { OpenAssureServerInfo, OpenAssureServerSettings } from '../shared/openassure-server.js';
import { fixed, median } from '../shared/stats.js';
import { openBenchStore, type StoreKind } from '../shared/stores.js';
import { closeCaseTools, liveCases } from './documents.js';
import { probeGetProcess, runLiveLoad, type LiveLoadResult, type ProbeResult } from './load.js';

const { values: flags } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    users: { type: 'string', default: '4' },
    seconds: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '3' },
  },
});
const users = Number(flags.users);
const seconds = Number(flags.seconds);
const rounds = Number(flags.rounds);
const idleSeconds = 10;
const kinds: StoreKind[] = flags.store === 'both' ? ['sqlite', 'postgres'] : [flags.store as StoreKind];
const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const corpusDir = process.env.OPENASSURE_CORPUS ?? path.resolve(here('.'), '../../../shared/corpus');
const threads = os.availableParallelism();

const cases = await liveCases(8, corpusDir);
await closeCaseTools();
const kindsOfCase = [...new Set(cases.map((item) => item.name))];

interface Round {
  idle: ProbeResult;
  loaded: ProbeResult;
  load: LiveLoadResult;
}

const results = new Map<StoreKind, Round[]>();
for (const kind of kinds) {
  const store = await openBenchStore(kind, { label: 'verify-live' });
  const settings: OpenAssureServerSettings = {
    env: { ...store.env, OPENASSURE_ENGINE_THREADS: String(threads), OPENASSURE_VERIFY_TIMEOUT_SECONDS: '600' },
    worker: true,
    environment: 'live',
  };
  const server = await startChild<OpenAssureServerInfo>(here('../shared/openassure-server.ts'), settings);
  try {
    const baseUrl = `http://127.0.0.1:${server.info.port}`;
    const { token } = server.info;
    // Warm-up: the engines load their models on first use; this also leaves a finished process to read.
    const warmUp = await runLiveLoad(baseUrl, token, cases.slice(0, kindsOfCase.length), kindsOfCase.length, 1);
    const probePath = warmUp.finishedPath;
    if (probePath === undefined) throw new Error('The warm-up verification did not finish.');
    const done: Round[] = [];
    for (let round = 0; round < rounds; round++) {
      const idle = await probeGetProcess(baseUrl, token, probePath, idleSeconds);
      const [loaded, load] = await Promise.all([
        probeGetProcess(baseUrl, token, probePath, seconds),
        runLiveLoad(baseUrl, token, cases, users, seconds),
      ]);
      process.stderr.write(
        `${kind} round ${round + 1}: ${fixed(load.perMinute)} live verifications/min, Get process p99 ${fixed(idle.p99Ms)} ms idle, ${fixed(loaded.p99Ms)} ms under load\n`,
      );
      done.push({ idle, loaded, load });
    }
    results.set(kind, done);
  } finally {
    await server.stop();
    await store.cleanup();
  }
}

const med = (values: number[], digits = 1) =>
  `${fixed(median(values), digits)} (${fixed(Math.min(...values), digits)}–${fixed(Math.max(...values), digits)})`;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

console.log(
  [
    '## bench/verify-live: live verifications with the built-in engines',
    '',
    ...describeRun(),
    `- server: one process, its worker, an engine pool of ${threads} threads (one per core)`,
    `- load: ${users} concurrent integrators for ${seconds} s per round, ${rounds} rounds, taking in turn ${cases.length} generated cases (${kindsOfCase.join(', ')}): create dossier and process, upload, start, poll Get process every 100 ms until final`,
    `- probe: one client reading a finished process with Get process every 20 ms, one request at a time: ${idleSeconds} s on the idle server, then during the load`,
    '- figures: median over the rounds (lowest–highest)',
    '',
    '| store | live verifications/min | end-to-end p50 s | Get process p50 ms, idle | p99 idle | p50 under load | p99 under load | completed | not accepted | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...results].map(([kind, done]) => {
      const loads = done.map((round) => round.load);
      return `| ${kind} | ${med(loads.map((load) => load.perMinute))} | ${med(
        loads.map((load) => load.p50Ms / 1000),
        2,
      )} | ${med(done.map((round) => round.idle.p50Ms))} | ${med(done.map((round) => round.idle.p99Ms))} | ${med(
        done.map((round) => round.loaded.p50Ms),
      )} | ${med(done.map((round) => round.loaded.p99Ms))} | ${sum(loads.map((load) => load.completed))} | ${sum(
        loads.map((load) => load.unexpected),
      )} | ${sum(loads.map((load) => load.errors))} |`;
    }),
    '',
    ...[...results].map(([kind, done]) => `- final statuses on ${kind}: ${JSON.stringify(mergeStatuses(done))}`),
  ].join('\n'),
);
if ([...results.values()].flat().some((round) => round.load.errors > 0)) process.exitCode = 1;

function mergeStatuses(done: Round[]): Record<string, Record<string, number>> {
  const merged: Record<string, Record<string, number>> = {};
  for (const { load } of done) {
    for (const [name, counts] of Object.entries(load.statuses)) {
      const into = (merged[name] ??= {});
      for (const [status, count] of Object.entries(counts)) into[status] = (into[status] ?? 0) + count;
    }
  }
  return merged;
}
