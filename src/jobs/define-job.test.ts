import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { defineJob, noPayload, retryDelayMs } from './define-job.js';
import { deliverNotification, expirePendingProcesses, verifyProcess } from './definitions.js';
import type { GiveUp } from './run-job.js';
import type { JobQueue } from './types.js';

const lines: string[] = [];
const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
const context = (attempt: number, lastAttempt: boolean) => ({ jobId: 'job-1', attempt, lastAttempt, logger });

const greet = defineJob({
  name: 'greet',
  payload: Type.Object({ name: Type.String({ minLength: 1 }), times: Type.Optional(Type.Integer({ minimum: 1 })) }),
  maxAttempts: 3,
  backoffSeconds: 2,
  timeoutSeconds: 30,
});

describe('defineJob', () => {
  it('describes what is wrong with a payload by path and rule, never by value', () => {
    expect(greet.problems({ name: 'Ada' })).toEqual([]);
    expect(greet.problems({ name: '', times: 0 })).toEqual([
      '/name must not have fewer than 1 characters',
      '/times must be >= 1',
    ]);
    expect(greet.problems({ times: 'Jane Q. Holder' }).join(' ')).not.toContain('Jane');
    expect(greet.problems(undefined)).toEqual(['(root) must be object']);
  });

  it('takes the policy of the handle, with what configuration overrides', () => {
    const run = async () => {};
    expect(greet.handledBy({ run }).policy).toEqual({ maxAttempts: 3, backoffSeconds: 2, timeoutSeconds: 30 });
    expect(greet.handledBy({ run }, { maxAttempts: 1 }).policy).toEqual({
      maxAttempts: 1,
      backoffSeconds: 2,
      timeoutSeconds: 30,
    });
    expect(() => greet.handledBy({ run }, { timeoutSeconds: 0.5 })).toThrow(/timeoutSeconds/);
    expect(() =>
      defineJob({ name: 'x', payload: noPayload, maxAttempts: 0, backoffSeconds: 1, timeoutSeconds: 1 }),
    ).toThrow(/maxAttempts/);
  });

  it('doubles the backoff with each attempt', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(greet.policy, attempt))).toEqual([2000, 4000, 8000]);
  });

  it('declares each job the server runs, keyed where one per subject is enough', () => {
    const processId = '0b6f7a3e-1f2a-4c3d-9e8f-0123456789ab';
    expect(verifyProcess.singletonKey?.({ processId })).toBe(processId);
    expect(verifyProcess.problems({ processId: 'not-a-uuid' })).toEqual(['/processId must match format "uuid"']);
    expect(deliverNotification.problems({ deliveryId: `msg_${'0'.repeat(32)}`, attempt: 2 })).toEqual([]);
    expect(expirePendingProcesses.accepts({})).toBe(true);
  });

  it('checks payloads at compile time', () => {
    // Never called: the compiler checking these lines is the test.
    const misuse = async (queue: JobQueue) => {
      // @ts-expect-error the processId is a string
      await queue.enqueue(verifyProcess, { processId: 7 });
      // @ts-expect-error not a field of the payload
      await queue.enqueue(verifyProcess, { processId: 'x', scenario: 'y' });
      // @ts-expect-error scheduled jobs have no payload to give
      await queue.schedule(verifyProcess, 60);
    };
    expect(misuse).toBeTypeOf('function');
  });
});

describe('a run', () => {
  it('completes, retries, or gives up on the last attempt, once', async () => {
    const gaveUp: GiveUp[] = [];
    const failing = greet.handledBy({
      run: async () => {
        throw new Error('nope');
      },
      gaveUp: async (_payload, failure) => void gaveUp.push(failure),
    });
    expect(await greet.handledBy({ run: async () => {} }).run({ name: 'Ada' }, context(1, false))).toEqual({
      outcome: 'completed',
    });
    expect(await failing.run({ name: 'Ada' }, context(1, false))).toMatchObject({ outcome: 'retrying' });
    expect(gaveUp).toEqual([]);
    expect(await failing.run({ name: 'Ada' }, context(3, true))).toMatchObject({ outcome: 'failed' });
    expect(gaveUp).toEqual([{ error: new Error('nope'), traceId: expect.stringMatching(/^[0-9a-f]{32}$/) }]);
  });

  it('dead-letters a payload that is not the job’s without running it', async () => {
    let ran = false;
    const job = greet.handledBy({
      run: async () => {
        ran = true;
      },
    });
    expect(await job.run({ nom: 'Ada' }, context(1, false))).toEqual({
      outcome: 'invalid',
      problems: ['(root) must have required properties name'],
    });
    expect(ran).toBe(false);
  });

  it('logs a give-up handler that fails, under the same traceId, and still reports the job failed', async () => {
    const job = greet.handledBy({
      run: async () => {
        throw new Error('first');
      },
      gaveUp: async () => {
        throw new Error('second');
      },
    });
    expect(await job.run({ name: 'Ada' }, context(3, true))).toMatchObject({ outcome: 'failed' });
    const [failed, cleanup] = lines
      .slice(-2)
      .map((line) => JSON.parse(line) as { traceId: string; err: { message: string } });
    expect(failed!.err.message).toBe('first');
    expect(cleanup!.err.message).toBe('second');
    expect(cleanup!.traceId).toBe(failed!.traceId);
  });
});
