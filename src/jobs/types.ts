import type { Repositories } from '../store/store.js';
import type { JobHandle, NoPayload, RunnableJob } from './define-job.js';

export type { NoPayload } from './define-job.js';

export interface EnqueueOptions {
  /** Enqueue inside the caller's transaction: the job exists if and only if the transaction commits. */
  tx?: Repositories;
  delayMs?: number;
}

export interface WorkerOptions {
  /** Jobs this worker runs at the same time (on pg-boss, of each kind). */
  concurrency: number;
}

/** An attempt this worker finished, after the queue recorded how it ended. */
export interface SettledJob {
  id: string;
  name: string;
  attempt: number;
  /** `retrying`: failed, another attempt follows; `failed`: given up; `invalid`: dead-lettered payload. */
  outcome: 'completed' | 'retrying' | 'failed' | 'invalid';
}

/** How one kind of job stands in the queue, for metrics and readiness. */
export interface QueueStat {
  name: string;
  /** Jobs waiting (queued or waiting out a retry delay), due or not. */
  waiting: number;
  /** Jobs a worker holds now. */
  active: number;
  /** Age of the oldest job that is due and not yet taken, in seconds (0: none). */
  oldestDueSeconds: number;
}

/**
 * The durable queue port. Adapters: SqliteJobQueue (a job table with leases, the embedded default) and
 * PgBossJobQueue (pg-boss on the same PostgreSQL), chosen by the store. Both pass one contract suite
 * (test/jobs/queue-contract.test.ts).
 *
 * @example
 *   await queue.enqueue(verifyProcess, { processId }, { tx });
 *   await queue.startWorker([verifyProcess.handledBy(handlers)], { concurrency: 2 });
 */
export interface JobQueue {
  readonly kind: 'sqlite' | 'pg-boss';
  /** Prepares the queue's storage and each job's retry policy; call once before enqueueing. */
  init(jobs: readonly RunnableJob[]): Promise<void>;
  /**
   * Queues a job; its payload is checked against the job's schema first. Returns the job's id, or
   * undefined when a job with the same singleton key already waits.
   */
  enqueue<P extends object>(
    job: JobHandle<P>,
    payload: NoInfer<P>,
    options?: EnqueueOptions,
  ): Promise<string | undefined>;
  startWorker(jobs: readonly RunnableJob[], options: WorkerOptions): Promise<void>;
  /** Runs the job about every `everySeconds`, once per period across all workers that schedule it. */
  schedule(job: JobHandle<NoPayload>, everySeconds: number): Promise<void>;
  /** Tells the listener of every attempt this process's worker finishes; returns the unsubscribe. */
  onSettled(listener: (job: SettledJob) => void): () => void;
  /** Counts per kind of job, read from the queue's storage (one grouped query): fails while it is unreachable. */
  stats(): Promise<QueueStat[]>;
  /** Stops taking new jobs and waits for running ones. */
  stop(): Promise<void>;
}
