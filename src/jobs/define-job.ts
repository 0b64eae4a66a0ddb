import { Type, type Static, type TObject } from 'typebox';
import { Compile } from 'typebox/compile';
import { runJob, type JobContext, type JobHandlers, type RunResult } from './run-job.js';

/** The payload of scheduled jobs, which have nothing to say but "it is time". */
export const noPayload = Type.Object({});
export type NoPayload = Static<typeof noPayload>;

/** How a kind of job is retried and how long a run may take. */
export interface JobPolicy {
  /** Runs before the job is given up; 1 means it is never retried. */
  maxAttempts: number;
  /**
   * Seconds before the second attempt; each later attempt waits twice as long as the one before
   * (pg-boss adds up to as much again as jitter). Whole seconds: pg-boss counts in seconds.
   */
  backoffSeconds: number;
  /** A run not finished after this long is taken for lost (its worker died) and run again. */
  timeoutSeconds: number;
}

export interface JobSpec<S extends TObject> extends JobPolicy {
  /** The queue name; stable across versions, since queued jobs outlive a deploy. */
  name: string;
  /** The payload's schema: checked by the compiler where the job is enqueued, and again when it runs. */
  payload: S;
  /** Jobs with the same key are queued once: enqueueing one while another waits for its first run does nothing. */
  singletonKey?: (payload: Static<S>) => string;
}

/**
 * A kind of job, without its handler: what the code that enqueues it imports. The worker side attaches
 * the handler with `handledBy`, where the handler's dependencies are at hand (the composition root).
 */
export interface JobHandle<P extends object> {
  readonly name: string;
  readonly policy: JobPolicy;
  readonly singletonKey: ((payload: P) => string) | undefined;
  /** Whether a payload read back from the queue is one of this job's. */
  accepts(payload: unknown): payload is P;
  /** Why a payload is not one of this job's, as JSON paths and rules (never the values, which may be personal). */
  problems(payload: unknown): string[];
  /** The job with its handlers, ready for a worker; `policy` overrides what depends on configuration. */
  handledBy(handlers: JobHandlers<P>, policy?: Partial<JobPolicy>): RunnableJob;
}

/** A job a worker can run: its handle's name and policy, and a run that validates its payload first. */
export interface RunnableJob {
  readonly name: string;
  readonly policy: JobPolicy;
  /** Whether its jobs carry a singleton key (pg-boss then queues them under a policy that honours it). */
  readonly keyed: boolean;
  /** Runs one attempt; never throws (see RunResult). */
  run(payload: unknown, context: JobContext): Promise<RunResult>;
}

/**
 * Declares a kind of job.
 *
 * @example
 *   export const verifyProcess = defineJob({
 *     name: 'verify-process',
 *     payload: Type.Object({ processId: Type.String() }),
 *     maxAttempts: 5, backoffSeconds: 5, timeoutSeconds: 120,
 *   });
 *   await queue.enqueue(verifyProcess, { processId }, { tx });             // in a service
 *   const job = verifyProcess.handledBy({ run: async ({ processId }) => { ... } }); // in app.ts
 */
export function defineJob<S extends TObject>(spec: JobSpec<S>): JobHandle<Static<S>> {
  checkPolicy(spec.name, spec);
  const validator = Compile(spec.payload);
  const { name, singletonKey } = spec;
  const handle: JobHandle<Static<S>> = {
    name,
    policy: { maxAttempts: spec.maxAttempts, backoffSeconds: spec.backoffSeconds, timeoutSeconds: spec.timeoutSeconds },
    singletonKey,
    accepts: (payload): payload is Static<S> => validator.Check(payload),
    problems: (payload) =>
      validator.Check(payload)
        ? []
        : validator.Errors(payload).map((error) => `${error.instancePath || '(root)'} ${error.message}`),
    handledBy(handlers, overrides = {}) {
      const policy = { ...handle.policy, ...overrides };
      checkPolicy(name, policy);
      return {
        name,
        policy,
        keyed: singletonKey !== undefined,
        run: (payload, context) => runJob(handle, handlers, payload, context),
      };
    },
  };
  return handle;
}

function checkPolicy(name: string, policy: JobPolicy): void {
  const { maxAttempts, backoffSeconds, timeoutSeconds } = policy;
  if (![maxAttempts, backoffSeconds, timeoutSeconds].every((value) => Number.isInteger(value) && value >= 1)) {
    throw new Error(`Job ${name}: maxAttempts, backoffSeconds and timeoutSeconds must be whole numbers >= 1.`);
  }
}

/** Delay before the attempt after `attempt` failed: backoffSeconds, doubling with each attempt. */
export const retryDelayMs = (policy: JobPolicy, attempt: number): number =>
  policy.backoffSeconds * 1000 * 2 ** Math.max(0, attempt - 1);

/** Refuses, before it is queued, a payload that is not the job's (a cast somewhere got it wrong). */
export function assertPayload<P extends object>(job: JobHandle<P>, payload: unknown): void {
  const problems = job.problems(payload);
  if (problems.length > 0) throw new Error(`Not a ${job.name} payload: ${problems.join('; ')}.`);
}

/** The payload type of a job handle. */
export type PayloadOf<H> = H extends JobHandle<infer P> ? P : never;
