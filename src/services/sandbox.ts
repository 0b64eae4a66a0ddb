import { AppError, conflict, notFound } from '../core/errors.js';
import { canonicalProviderName, providerOf } from '../providers/registry.js';
import { listScenarios, type CatalogueEntry } from '../sandbox/catalogue.js';
import { chosenScenario } from '../sandbox/choice.js';
import type { ServiceDeps } from './context.js';
import { requireProcess } from './processes.js';
import type { VerificationService } from './verification.js';
import type { ProcessRecord, ClientCaller } from '../core/domain.js';

/** The sandbox's own endpoints: the scenario catalogue, and finishing the end-user's part of a process. */
export class SandboxService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly verification: VerificationService,
  ) {}

  /** Every scenario, or those of one provider (named as requests name it: aliases, `connect:<method>`). */
  scenarios(caller: ClientCaller, provider: string | undefined): CatalogueEntry[] {
    requireSandbox(caller);
    return listScenarios(provider === undefined ? undefined : canonicalProviderName(provider));
  }

  /**
   * Plays the end-user's part of an SDK or video-call process (or finishes one whose verification was
   * started): the process goes to processing and its scenario runs.
   */
  async complete(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    scenario: string | undefined,
  ): Promise<ProcessRecord> {
    requireSandbox(caller);
    const found = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    const definition = providerOf(found.provider);
    if (definition.uploadDepictions.length > 0) {
      throw new AppError(
        'unsupported_for_provider',
        `${definition.title} processes take their images through the API: they complete after Start verification.`,
      );
    }
    return this.playEndUserPart(caller, found, scenario);
  }

  /**
   * The end-user's part, for Complete and for the capture flow's sandbox provider page: the process
   * goes to processing with the chosen scenario (or its default), and the verification runs.
   */
  async playEndUserPart(
    caller: ClientCaller,
    found: ProcessRecord,
    scenario: string | undefined,
  ): Promise<ProcessRecord> {
    requireSandbox(caller);
    const { store, clock } = this.deps;
    const definition = providerOf(found.provider);
    const chosen = chosenScenario(caller, definition, found.processType, scenario);
    if (found.status !== 'pending' && found.status !== 'processing') {
      throw conflict(`The process is already ${found.status}.`);
    }
    const now = clock.now();
    return store.transaction(async (tx) => {
      // First, as it locks the row: a second complete (or one racing this) finds the part done.
      if (!(await tx.processes.markEndUserDone(found.id, now))) {
        throw conflict("The end-user's part of this process is already complete; its verification is running.");
      }
      let process = found;
      if (process.status === 'pending') {
        process = await this.deps.statusChanges.change(tx, process, 'processing', now, {
          startedAt: now,
          ...(chosen !== undefined && { sandboxScenario: chosen }),
        });
      } else if (chosen !== undefined) {
        await tx.processes.setSandboxScenario(process.id, chosen);
        process = { ...process, sandboxScenario: chosen };
      }
      await this.verification.enqueueVerification(tx, process);
      return process;
    });
  }
}

/** Sandbox endpoints do not exist for live clients. */
function requireSandbox(caller: ClientCaller): void {
  if (caller.environment !== 'sandbox') throw notFound('Sandbox');
}
