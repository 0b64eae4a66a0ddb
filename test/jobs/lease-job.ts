import { Type } from 'typebox';
import { defineJob } from '../../src/jobs/define-job.js';

/** The job of the lease test, the same in the suite and in the worker it kills (doomed-worker.ts). */
export const leaseJob = (name: string) =>
  defineJob({
    name,
    payload: Type.Object({ n: Type.Integer() }),
    maxAttempts: 3,
    backoffSeconds: 1,
    timeoutSeconds: 2,
  });
