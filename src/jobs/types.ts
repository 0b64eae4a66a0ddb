import type { Logger } from '../logging/logger.js';
import type { Repositories } from '../store/store.js';

/**
 * A kind of background work: its name, how to read its payload, what to do, and its retry and
 * timeout policy. Handlers must be idempotent: a job whose worker died is run again.
 */
export interface JobDefinition<Payload = unknown> {
  name: string;
  /** Checks a payload read back from the queue; throws when it is not one of ours. */
  parse(payload: unknown): Payload;
  handle(payload: Payload, context: JobContext): Promise<void>;
  /** Attempts before the job is given up (dead-lettered). */
  maxAttempts: number;
  /** Delay before the second attempt; doubles with each further attempt. */
  retryDelaySeconds: number;
  /** After this long without finishing, a job is considered lost and run again. */
  timeoutSeconds: number;
}

export interface JobContext {
  attempt: number;
  logger: Logger;
}

export interface EnqueueOptions {
  /** Enqueue inside the caller's transaction: the job exists if and only if the transaction commits. */
  tx?: Repositories;
  delayMs?: number;
  /** At most one queued job per key. */
  singletonKey?: string;
}

export interface WorkerOptions {
  /** Jobs run at the same time by this worker. */
  concurrency: number;
}

/**
 * The durable queue port. Adapters: SqliteJobQueue (a job table with leases, the embedded default) and
 * PgBossJobQueue (pg-boss on the same PostgreSQL), chosen by the store.
 *
 * @example
 *   await queue.enqueue('verify-process', { processId }, { tx });
 *   await queue.startWorker([verifyJob], { concurrency: 2 });
 */
export interface JobQueue {
  readonly kind: 'sqlite' | 'pg-boss';
  /** Prepares the queue's storage; call once before enqueueing. */
  init(definitions: readonly JobDefinition[]): Promise<void>;
  enqueue(name: string, payload: object, options?: EnqueueOptions): Promise<void>;
  startWorker(definitions: readonly JobDefinition[], options: WorkerOptions): Promise<void>;
  /** Runs a job of this name about every `everySeconds` (at least a minute apart on pg-boss), once across nodes. */
  schedule(name: string, everySeconds: number): Promise<void>;
  /** Stops taking new jobs and waits for running ones. */
  stop(): Promise<void>;
}

export const retryDelayMs = (definition: JobDefinition, attempt: number): number =>
  definition.retryDelaySeconds * 1000 * 2 ** Math.max(0, attempt - 1);
