import type { Json } from '../core/domain.js';
import type { FailReasonStyle, ProviderDefinition } from './types.js';

/**
 * Why a process that was processing failed without a result, in each provider's own failReason style
 * (as each definition's `expiry` does for pending processes). `verificationFailed`: producing the result failed on
 * every attempt. `processingTimeout`: the process stayed in processing longer than the configured time.
 * Each carries a traceId, the same as in the server's log line about it.
 */
export type ProcessingFailure = { kind: 'verificationFailed' } | { kind: 'processingTimeout'; minutes: number };

const types: Record<ProcessingFailure['kind'], { snake: string; pascal: string }> = {
  verificationFailed: { snake: 'verification_failed', pascal: 'VerificationFailed' },
  processingTimeout: { snake: 'processing_timeout', pascal: 'ProcessingTimeout' },
};

const retryAdvice = 'Create a new process to verify again; if it keeps happening, report the traceId to the operator.';

export function processingFailReason(
  definition: Pick<ProviderDefinition, 'failReasonStyle'>,
  failure: ProcessingFailure,
  traceId: string,
): Json {
  const message =
    failure.kind === 'verificationFailed'
      ? `The verification could not be completed: producing its result failed on every attempt. ${retryAdvice}`
      : `The verification did not finish within ${failure.minutes} minutes of starting and was stopped. ${retryAdvice}`;
  const type = types[failure.kind];
  const style: FailReasonStyle = definition.failReasonStyle ?? 'pascal';
  switch (style) {
    case 'detail':
      return { detail: message, traceId };
    case 'oauth':
      return { error: type.snake, errorDescription: message, traceId };
    case 'snake':
      return { type: type.snake, message, traceId };
    case 'pascal':
      return { type: type.pascal, message, traceId };
  }
}
