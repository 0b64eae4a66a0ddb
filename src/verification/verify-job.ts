import type { JobHandlers } from '../jobs/run-job.js';
import type { Logger } from '../logging/logger.js';
import { providerOf } from '../providers/registry.js';
import type { BackendResult, VerificationBackend } from './backend.js';
import { failProcessing } from './fail-processing.js';
import { finishProcessing, type FinishDeps } from './finish.js';
import { queueForReview, waitsForReview } from './queue-for-review.js';
import { processingFailReason } from '../providers/processing-failures.js';
import type { ClientEnvironment, Outcome, ProcessRecord } from '../core/domain.js';

export interface VerifyJobDeps extends FinishDeps {
  logger: Logger;
  backends: Record<ClientEnvironment, VerificationBackend>;
}

/**
 * Takes a processing process to its final status: asks the backend of the client's environment for the
 * provider's raw result, maps it with the provider's mapResult, and stores raw result, outcome, media
 * and the status change in one transaction, or, where a person decides (docs/review.md), keeps the raw
 * result and queues the process for review, still processing. Running it again is harmless: a process that is no longer
 * processing is left alone, and the status change is a compare-and-set. When every attempt failed, the
 * process fails (with a failReason naming the traceId of the logged error) instead of staying processing.
 */
export function verifyHandlers(deps: VerifyJobDeps): JobHandlers<{ processId: string }> {
  return {
    async run({ processId }, { logger }) {
      const process = await deps.store.repos.processes.findById(processId);
      if (!process || process.status !== 'processing') return;
      // Queued for review by an earlier run of this job: the reviewer's decision finishes it.
      if (await deps.store.repos.reviews.find(process.id)) return;
      const client = await deps.store.repos.clients.find(process.clientId);
      if (!client) return;
      const definition = providerOf(process.provider);
      const result = await deps.backends[client.environment].produce({ process, definition });
      const outcome = outcomeOf(result, definition.mapResult, process, deps.clock.today());
      if ('raw' in result && (await waitsForReview(deps, client.environment, process, definition, result, outcome))) {
        await queueForReview(deps, process, result, logger);
        return;
      }
      await finishProcessing(deps, process, outcome, result, logger);
    },
    async gaveUp({ processId }, { traceId }, { logger }) {
      const failed = await failProcessing(deps, processId, deps.clock.now(), (process) =>
        processingFailReason(providerOf(process.provider), { kind: 'verificationFailed' }, traceId),
      );
      if (failed) logger.warn({ processId, traceId }, 'the verification was given up; the process failed');
    },
  };
}

function outcomeOf(
  result: BackendResult,
  mapResult: (raw: unknown, context: { processType: string | null; today: string }) => Outcome,
  process: ProcessRecord,
  day: string,
): Outcome {
  if ('outcome' in result) return result.outcome;
  return mapResult(result.raw, { processType: process.processType, today: day });
}
