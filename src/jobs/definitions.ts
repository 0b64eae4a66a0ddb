import { Type } from 'typebox';
import { defineJob, noPayload } from './define-job.js';

/*
 * Every kind of background job: name, payload schema and retry policy. Code that enqueues a job imports
 * its handle from here; the handlers live with their areas and are attached in the composition root
 * (src/app.ts), so enqueueing never pulls in what running needs.
 */

/** Takes a processing process to its final status (src/verification/verify-job.ts). */
export const verifyProcess = defineJob({
  name: 'verify-process',
  payload: Type.Object({ processId: Type.String({ format: 'uuid' }) }),
  // One verification per process waiting at a time: a repeated start or sandbox complete call adds none.
  singletonKey: ({ processId }) => processId,
  // Attempts, backoff and timeout come from configuration (OPENASSURE_VERIFY_*); these are the defaults.
  maxAttempts: 5,
  backoffSeconds: 5,
  timeoutSeconds: 120,
});

/** Makes one attempt to deliver one notification (src/notifications/deliver-job.ts). */
export const deliverNotification = defineJob({
  name: 'deliver-notification',
  payload: Type.Object({
    deliveryId: Type.String({ pattern: '^msg_[0-9a-f]{32}$' }),
    /** The attempt this job makes; the planner's first job leaves it out (attempt 1). */
    attempt: Type.Optional(Type.Integer({ minimum: 1 })),
  }),
  // The job schedules later attempts itself; the queue's retries only cover infrastructure failures.
  maxAttempts: 3,
  backoffSeconds: 30,
  timeoutSeconds: 60,
});

/** Fails pending processes that ran out of time (src/verification/expiry-job.ts); scheduled every minute. */
export const expirePendingProcesses = defineJob({
  name: 'expire-pending-processes',
  payload: noPayload,
  // The next scheduled run is the retry.
  maxAttempts: 1,
  backoffSeconds: 60,
  timeoutSeconds: 300,
});

/** Fails processes left in processing too long (src/verification/stuck-processes-job.ts); every minute. */
export const failStuckProcesses = defineJob({
  name: 'fail-stuck-processes',
  payload: noPayload,
  maxAttempts: 1,
  backoffSeconds: 60,
  timeoutSeconds: 300,
});

/** Deletes dossiers whose retention ran out (src/services/retention.ts); scheduled every hour. */
export const applyRetention = defineJob({
  name: 'apply-retention',
  payload: noPayload,
  maxAttempts: 1,
  backoffSeconds: 60,
  timeoutSeconds: 1800,
});
