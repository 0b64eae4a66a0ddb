import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Type } from 'typebox';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { systemClock } from '../../src/core/time.js';
import { createJobQueue } from '../../src/jobs/create-queue.js';
import { defineJob, noPayload, type JobPolicy } from '../../src/jobs/define-job.js';
import type { GiveUp } from '../../src/jobs/run-job.js';
import type { JobQueue } from '../../src/jobs/types.js';
import { createLogger } from '../../src/logging/logger.js';
import type { Store } from '../../src/store/store.js';
import { repoRoot, startUntil } from '../cli/run-cli.js';
import { SettledJobs } from '../support/settled-jobs.js';
import { storeKinds } from '../support/store-kinds.js';
import { createTestEnvironment, type TestEnvironment } from '../support/stores.js';
import { leaseJob } from './lease-job.js';

const counted = Type.Object({ n: Type.Integer() });
const quick: JobPolicy = { maxAttempts: 1, backoffSeconds: 1, timeoutSeconds: 10 };
let names = 0;
/** Each test has its own job names, so that nothing one test leaves in the queue reaches another. */
const uniqueName = (what: string) => `contract-${what}-${++names}`;

/** Resolves once `open` is called; what a handler waits on to hold a job in the middle of its run. */
function latch(): { wait: Promise<void>; open: () => void } {
  let open = () => {};
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

// One contract, both queues: the embedded SQLite job table and pg-boss on PostgreSQL, each on a fresh
// database, with real (short) durations.
describe.each(storeKinds)('the job queue on %s', (kind) => {
  let env: TestEnvironment;
  let config: Config;
  const logs: string[] = [];
  const opened: { store: Store; queue: JobQueue; settled: SettledJobs }[] = [];

  beforeAll(async () => {
    env = await createTestEnvironment(kind);
    config = loadConfig({ ...env.env, OPENASSURE_QUEUE_MAINTENANCE_SECONDS: '1' });
  });
  afterEach(async () => {
    for (const { store, queue, settled } of opened.splice(0)) {
      settled.close();
      await queue.stop();
      await store.close();
    }
  });
  afterAll(async () => {
    await env.cleanup();
  });

  /** A queue on its own connection to the suite's database, as another node or process would have. */
  async function openQueue() {
    const store = await openStore(config);
    const logger = createLogger('info', { write: (line: string) => void logs.push(line) });
    const queue = createJobQueue(config, store, systemClock, logger);
    const settled = new SettledJobs(queue);
    opened.push({ store, queue, settled });
    return { store, queue, settled };
  }

  it('runs a job enqueued in a transaction only if the transaction commits', async () => {
    const { store, queue, settled } = await openQueue();
    const job = defineJob({ name: uniqueName('tx'), payload: counted, ...quick });
    const ran: number[] = [];
    const runnable = job.handledBy({ run: async ({ n }) => void ran.push(n) });
    await queue.init([runnable]);

    await expect(
      store.transaction(async (tx) => {
        await queue.enqueue(job, { n: 1 }, { tx });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const committed = await store.transaction((tx) => queue.enqueue(job, { n: 2 }, { tx }));
    // One worker slot takes jobs oldest first: had the rolled-back job existed, it would have run first.
    await queue.startWorker([runnable], { concurrency: 1 });
    expect(await settled.waitFor((s) => s.id === committed)).toMatchObject({ outcome: 'completed', attempt: 1 });
    expect(ran).toEqual([2]);
  });

  it('queues a job once per singleton key while one waits to run', async () => {
    const { queue, settled } = await openQueue();
    const payload = Type.Object({ key: Type.String(), n: Type.Integer() });
    const job = defineJob({ name: uniqueName('key'), payload, singletonKey: ({ key }) => key, ...quick });
    const other = defineJob({ name: uniqueName('key-other'), payload, singletonKey: ({ key }) => key, ...quick });
    const ran: number[] = [];
    const runnables = [job, other].map((handle) => handle.handledBy({ run: async ({ n }) => void ran.push(n) }));
    await queue.init(runnables);

    const first = await queue.enqueue(job, { key: 'a', n: 1 });
    expect(first).toEqual(expect.any(String));
    expect(await queue.enqueue(job, { key: 'a', n: 2 })).toBeUndefined();
    const otherKey = await queue.enqueue(job, { key: 'b', n: 3 });
    // Keys belong to one kind of job.
    const otherJob = await queue.enqueue(other, { key: 'a', n: 4 });
    expect(otherKey).toEqual(expect.any(String));
    expect(otherJob).toEqual(expect.any(String));

    await queue.startWorker(runnables, { concurrency: 1 });
    for (const id of [first, otherKey, otherJob]) await settled.waitFor((s) => s.id === id);
    expect(ran.sort()).toEqual([1, 3, 4]);
    // Once the keyed job has run, the key is free again.
    const again = await queue.enqueue(job, { key: 'a', n: 5 });
    expect(again).toEqual(expect.any(String));
    await settled.waitFor((s) => s.id === again);
    expect(ran.sort()).toEqual([1, 3, 4, 5]);
  });

  it('runs a delayed job no earlier than its delay', async () => {
    const { queue, settled } = await openQueue();
    const job = defineJob({ name: uniqueName('delay'), payload: counted, ...quick });
    const startedAt = new Map<number, number>();
    const runnable = job.handledBy({ run: async ({ n }) => void startedAt.set(n, Date.now()) });
    await queue.init([runnable]);
    await queue.startWorker([runnable], { concurrency: 1 });

    const enqueuedAt = Date.now();
    const delayed = await queue.enqueue(job, { n: 1 }, { delayMs: 1500 });
    const immediate = await queue.enqueue(job, { n: 2 });
    await settled.waitFor((s) => s.id === immediate);
    expect(startedAt.has(1)).toBe(false);
    await settled.waitFor((s) => s.id === delayed);
    expect(startedAt.get(1)! - enqueuedAt).toBeGreaterThanOrEqual(1500);
  });

  it('retries a failing job with a doubling backoff until it succeeds', async () => {
    const { queue, settled } = await openQueue();
    const job = defineJob({ name: uniqueName('retry'), payload: counted, ...quick, maxAttempts: 3 });
    const attempts: { attempt: number; at: number; lastAttempt: boolean }[] = [];
    const runnable = job.handledBy({
      run: async (_payload, { attempt, lastAttempt }) => {
        attempts.push({ attempt, at: Date.now(), lastAttempt });
        if (attempt < 3) throw new Error(`attempt ${attempt} fails`);
      },
    });
    await queue.init([runnable]);
    await queue.startWorker([runnable], { concurrency: 1 });

    const id = await queue.enqueue(job, { n: 1 });
    const outcomes = await settled.attemptsOf(id!, 3);
    expect(outcomes.map((s) => [s.attempt, s.outcome])).toEqual([
      [1, 'retrying'],
      [2, 'retrying'],
      [3, 'completed'],
    ]);
    expect(attempts.map((a) => a.lastAttempt)).toEqual([false, false, true]);
    const [first, second, third] = attempts;
    // The backoff is 1 s, then 2 s (pg-boss may add up to as much again as jitter).
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(2000);
  });

  it('gives a job up after its last attempt, once, with a traceId in the log', async () => {
    const { queue, settled } = await openQueue();
    const job = defineJob({ name: uniqueName('give-up'), payload: counted, ...quick, maxAttempts: 2 });
    const gaveUp: { n: number; failure: GiveUp }[] = [];
    const runnable = job.handledBy({
      run: async () => {
        throw new Error('the vendor is down');
      },
      gaveUp: async ({ n }, failure) => void gaveUp.push({ n, failure }),
    });
    await queue.init([runnable]);
    await queue.startWorker([runnable], { concurrency: 1 });

    const id = await queue.enqueue(job, { n: 7 });
    const outcomes = await settled.attemptsOf(id!, 2);
    expect(outcomes.map((s) => s.outcome)).toEqual(['retrying', 'failed']);
    expect(gaveUp).toEqual([
      { n: 7, failure: { error: expect.any(Error), traceId: expect.stringMatching(/^[0-9a-f]{32}$/) } },
    ]);
    const line = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.traceId === gaveUp[0]!.failure.traceId);
    expect(line).toMatchObject({
      level: 50,
      job: job.name,
      jobId: id,
      attempt: 2,
      err: { message: 'the vendor is down' },
    });
  });

  it('dead-letters a payload that is not the job’s, without retrying it or logging its values', async () => {
    const { queue, settled } = await openQueue();
    const name = uniqueName('invalid');
    // An older version of the job, still queued when a deploy changed its payload.
    const before = defineJob({ name, payload: Type.Object({ holder: Type.String() }), ...quick });
    const after = defineJob({ name, payload: Type.Object({ processId: Type.String() }), ...quick, maxAttempts: 3 });
    const marker = defineJob({ name: uniqueName('marker'), payload: counted, ...quick });
    const ran: string[] = [];
    const runnables = [
      after.handledBy({ run: async ({ processId }) => void ran.push(processId) }),
      marker.handledBy({ run: async () => {} }),
    ];
    await queue.init(runnables);

    const id = await queue.enqueue(before, { holder: 'Jane Q. Holder' });
    // A retry would come after 1-2 s; the marker runs after 3 s, and by then none has come.
    const markerId = await queue.enqueue(marker, { n: 1 }, { delayMs: 3000 });
    await queue.startWorker(runnables, { concurrency: 1 });
    await settled.waitFor((s) => s.id === markerId);
    expect(settled.jobs.filter((s) => s.id === id)).toEqual([{ id, name, attempt: 1, outcome: 'invalid' }]);
    expect(ran).toEqual([]);
    const line = logs.find((l) => l.includes(id!) && l.includes('dead-lettered'));
    expect(JSON.parse(line!)).toMatchObject({
      level: 50,
      problems: ['(root) must have required properties processId'],
    });
    expect(logs.join('\n')).not.toContain('Jane Q. Holder');
  });

  it('refuses to enqueue a payload that is not the job’s', async () => {
    const { queue } = await openQueue();
    const job = defineJob({ name: uniqueName('refuse'), payload: counted, ...quick });
    await queue.init([job.handledBy({ run: async () => {} })]);
    // What an untyped caller (parsed JSON) could hand over.
    const untyped = JSON.parse('{"n": "seven"}');
    await expect(queue.enqueue(job, untyped)).rejects.toThrow(/Not a contract-refuse-\d+ payload: \/n must be integer/);
  });

  it('runs a job again when the worker holding it died and its lease ran out', async () => {
    const { queue, settled } = await openQueue();
    const job = leaseJob(uniqueName('lease'));
    const finished: number[] = [];
    const runnable = job.handledBy({ run: async (_payload, { attempt }) => void finished.push(attempt) });
    await queue.init([runnable]);
    const id = await queue.enqueue(job, { n: 1 });

    let doomed: ChildProcess | undefined;
    try {
      const started = await startUntil(
        process.execPath,
        ['--import', 'tsx', path.join(repoRoot, 'test/jobs/doomed-worker.ts'), job.name],
        { ...env.env, OPENASSURE_QUEUE_MAINTENANCE_SECONDS: '1' },
        /started (\S+) (\d+)/,
      );
      doomed = started.child;
      expect(started.match.slice(1)).toEqual([id, '1']);
      doomed.kill('SIGKILL');
    } finally {
      doomed?.kill('SIGKILL');
    }

    await queue.startWorker([runnable], { concurrency: 1 });
    expect(await settled.waitFor((s) => s.id === id)).toMatchObject({ attempt: 2, outcome: 'completed' });
    expect(finished).toEqual([2]);
  });

  it('runs a scheduled job once per period across two workers', async () => {
    const job = defineJob({ name: uniqueName('schedule'), payload: noPayload, ...quick });
    const runs: number[] = [];
    const runnable = job.handledBy({ run: async () => void runs.push(Date.now()) });
    const workers = [await openQueue(), await openQueue()];
    for (const { queue } of workers) {
      await queue.init([runnable]);
      await queue.startWorker([runnable], { concurrency: 2 });
      await queue.schedule(job, 1);
    }
    await Promise.race(workers.map(({ settled }) => settled.waitFor(() => runs.length >= 4)));
    for (const { queue } of workers) await queue.stop();

    // Four runs at least a period apart take three periods; two workers each running it would take half.
    const gaps = runs.slice(1).map((at, i) => at - runs[i]!);
    expect(runs.at(-1)! - runs[0]!).toBeGreaterThanOrEqual(2500);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(400);
  });

  it('lets running jobs finish when it stops', async () => {
    const { queue, settled } = await openQueue();
    const job = defineJob({ name: uniqueName('stop'), payload: counted, ...quick });
    const started = latch();
    const release = latch();
    const runnable = job.handledBy({
      run: async () => {
        started.open();
        await release.wait;
      },
    });
    await queue.init([runnable]);
    await queue.startWorker([runnable], { concurrency: 1 });
    const id = await queue.enqueue(job, { n: 1 });
    await started.wait;

    const stopping = queue.stop();
    const early = await Promise.race([
      stopping.then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still running'), 300)),
    ]);
    expect(early).toBe('still running');
    release.open();
    await stopping;
    expect(settled.jobs.filter((s) => s.id === id)).toEqual([{ id, name: job.name, attempt: 1, outcome: 'completed' }]);
  });
});
