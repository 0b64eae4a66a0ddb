import { newTraceId } from '../core/ids.js';
import type { Logger } from '../logging/logger.js';

export interface JobContext {
  /** The queue's id of this job (the same on every attempt). */
  jobId: string;
  /** 1 on the first run. */
  attempt: number;
  /** No attempt follows if this one fails. */
  lastAttempt: boolean;
  /** Carries the job's name, id and attempt. */
  logger: Logger;
}

/** How a job tells its own payloads from anything else found on the queue. */
export interface PayloadCheck<P> {
  accepts(payload: unknown): payload is P;
  problems(payload: unknown): string[];
}

/** What a job does, attached to its handle on the worker side. Both must be idempotent. */
export interface JobHandlers<P> {
  /** One attempt; throwing means it failed (and is retried while attempts remain). */
  run(payload: P, context: JobContext): Promise<void>;
  /**
   * After the last attempt failed: leaves what the job was for in a final state (e.g. fails the
   * process), so that nothing waits for a job that will never run again.
   */
  gaveUp?(payload: P, failure: GiveUp, context: JobContext): Promise<void>;
}

/** Why a job was given up; the traceId is in the log line that holds the error. */
export interface GiveUp {
  error: unknown;
  traceId: string;
}

/**
 * How an attempt ended: `invalid` is a payload that is not the job's (an old or foreign message),
 * dead-lettered at once since running it again cannot help.
 */
export type RunResult =
  | { outcome: 'completed' }
  | { outcome: 'retrying' | 'failed'; error: unknown }
  | { outcome: 'invalid'; problems: string[] };

/** One attempt of a job, the same on every queue: validate, run, and on the last failure give up. */
export async function runJob<P extends object>(
  handle: PayloadCheck<P>,
  handlers: JobHandlers<P>,
  payload: unknown,
  context: JobContext,
): Promise<RunResult> {
  const { logger } = context;
  if (!handle.accepts(payload)) {
    const problems = handle.problems(payload);
    logger.error({ problems }, 'job payload does not match the job; dead-lettered without retrying');
    return { outcome: 'invalid', problems };
  }
  try {
    await handlers.run(payload, context);
    return { outcome: 'completed' };
  } catch (error) {
    if (!context.lastAttempt) {
      logger.warn({ err: error }, 'job failed; will retry');
      return { outcome: 'retrying', error };
    }
    const traceId = newTraceId();
    logger.error({ err: error, traceId }, 'job failed on its last attempt; given up');
    if (handlers.gaveUp) {
      try {
        await handlers.gaveUp(payload, { error, traceId }, context);
      } catch (giveUpError) {
        logger.error({ err: giveUpError, traceId }, 'could not settle what a given-up job was for');
      }
    }
    return { outcome: 'failed', error };
  }
}
