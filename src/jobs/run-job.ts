import { newTraceId } from '../core/ids.js';
import type { JobHandle } from './define-job.js';
import type { JobContext } from './types.js';

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
  handle: JobHandle<P>,
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
