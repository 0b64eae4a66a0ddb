import { AppError, conflict } from '../core/errors.js';
import { verifyProcess } from '../jobs/definitions.js';
import { providerOf } from '../providers/registry.js';
import type { ProviderDefinition, StartContext } from '../providers/types.js';
import { chosenScenario } from '../sandbox/choice.js';
import type { Repositories } from '../store/store.js';
import type { ServiceDeps } from './context.js';
import { requireProcess } from './processes.js';
import { isDepiction, type ClientCaller, type ProcessRecord } from '../core/domain.js';

export type StartVerificationBody = StartContext['body'] & { rAuthorityId?: string; documentIds?: string[] };

/** The reason upstream gives a process failed through the API. */
export const failedByRequest = { category: 'User.Request', reason: 'Process.Failed', message: 'Failed by request.' };

/**
 * Whether a verification runs as soon as it starts. Providers that take images through the API do;
 * in the sandbox, SDK and video-call providers wait for the end-user's part (the sandbox complete call).
 */
const runsOnStart = (definition: ProviderDefinition, caller: ClientCaller): boolean =>
  definition.uploadDepictions.length > 0 || caller.environment === 'live';

export class VerificationService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Moves a pending process to processing; from then on it is frozen. */
  async start(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    body: StartVerificationBody,
    sandboxScenario?: string,
    /** `captureFlow`: the end-user finished this server's capture steps, which stand in for the provider's app. */
    origin: 'api' | 'captureFlow' = 'api',
  ): Promise<ProcessRecord> {
    const { store, clock, blobs } = this.deps;
    const found = await requireProcess(store.repos, caller, dossierId, processId);
    const definition = providerOf(found.provider);
    // A live chip upload (ReadID) is verified here, on Start verification, rather than in the provider's app.
    const chipStart = definition.chipUpload === true && caller.environment === 'live';
    if (definition.verificationStart === 'provider' && origin === 'api' && !chipStart) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} processes finish in the provider's own app; Start verification does not apply to them.`,
      );
    }
    if (found.status !== 'pending') {
      throw conflict(`The verification cannot start: the process is already ${found.status}.`);
    }
    const scenario = chosenScenario(caller, definition, found.processType, sandboxScenario);
    // What the start carried (e.g. a FaceTec enrollment) is kept for the verification job.
    const startInputKey =
      Object.keys(body).length > 0
        ? await blobs.put(Buffer.from(JSON.stringify(body)), { dossierId: found.dossierId })
        : undefined;
    const now = clock.now();
    try {
      return await store.transaction(async (tx) => {
        // Change the status first: it locks the row, so an upload racing with us either landed before
        // (and is seen below) or is refused.
        const started = await this.deps.statusChanges.change(tx, found, 'processing', now, {
          startedAt: now,
          ...(scenario !== undefined && { sandboxScenario: scenario }),
          ...(startInputKey !== undefined && { startInputKey }),
        });
        const images = await tx.images.list({ kind: 'process', id: found.id, clientId: caller.clientId });
        const problem = definition.startProblem({
          process: found,
          images: new Set(images.map((image) => image.depiction).filter(isDepiction)),
          body,
          chipUploaded: chipStart && (await tx.chip.filesKey(found.id)) !== null,
        });
        if (problem) throw new AppError('validation_failed', problem);
        if (runsOnStart(definition, caller)) await this.enqueueVerification(tx, started);
        return started;
      });
    } catch (error) {
      if (startInputKey !== undefined) await blobs.delete(startInputKey).catch(() => undefined);
      throw error;
    }
  }

  /** Fails a pending process at the client's request (upstream only allows it from pending). */
  async fail(caller: ClientCaller, dossierId: string, processId: string): Promise<ProcessRecord> {
    const { store, clock } = this.deps;
    const found = await requireProcess(store.repos, caller, dossierId, processId);
    if (found.status !== 'pending') {
      throw conflict(`Only a pending process can be failed; this one is ${found.status}.`);
    }
    return store.transaction((tx) =>
      this.deps.statusChanges.change(tx, found, 'failed', clock.now(), { failReason: failedByRequest }),
    );
  }

  /** Queues the job that finishes a processing process, in the caller's transaction. */
  async enqueueVerification(tx: Repositories, process: ProcessRecord): Promise<void> {
    await this.deps.queue.enqueue(verifyProcess, { processId: process.id }, { tx });
  }
}
