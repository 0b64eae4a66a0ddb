import { deleteBlobsQuietly } from '../blobs/blob-store.js';
import { AppError, conflict, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { isFinal } from '../core/process-status.js';
import { acceptedProviderValues, providerOf, resolveProvider } from '../providers/registry.js';
import { chosenScenario } from '../sandbox/choice.js';
import type { CreateProcessInput, ProviderDefinition } from '../providers/types.js';
import type { Repositories } from '../store/store.js';
import type { ServiceDeps } from './context.js';
import { requireDossier } from './dossiers.js';
import { validateProcessRequest } from './process-request-rules.js';
import { isDepiction, type Depiction, type ProcessRecord, type ClientCaller } from '../core/domain.js';

export interface CreateProcessRequest extends CreateProcessInput {
  eventTags?: string[];
  /** Legacy Assure callback settings, kept for the notification sender. */
  notificationUrl?: string;
  authorizationHeader?: string;
}

export interface ProcessView {
  process: ProcessRecord;
  /** Depictions stored for the process; upstream shows them once the process is final. */
  depictions: Depiction[] | undefined;
}

export interface CreatedProcess {
  process: ProcessRecord;
  /** Provider-specific create-response fields (SDK tokens, URLs...). */
  extra: Record<string, string | number>;
}

export class ProcessService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(
    caller: ClientCaller,
    dossierId: string,
    request: CreateProcessRequest,
    sandboxScenario?: string,
  ): Promise<CreatedProcess> {
    const { process, definition } = await this.prepare(caller, dossierId, request, sandboxScenario);
    await this.deps.store.transaction((tx) => this.insert(tx, caller, process));
    const extra = definition.createResponse?.({ process, publicUrl: this.deps.publicUrl }) ?? {};
    return { process, extra };
  }

  /**
   * Checks a create request and builds the pending process, without storing it (see `insert`), for
   * use cases that create a process together with more rows (Start capture flow).
   */
  async prepare(
    caller: ClientCaller,
    dossierId: string,
    request: CreateProcessRequest,
    sandboxScenario?: string,
    options: { documentChosenLater?: boolean } = {},
  ): Promise<{ process: ProcessRecord; definition: ProviderDefinition }> {
    const resolved = resolveProvider(request.provider);
    if (!resolved) {
      throw new AppError(
        'validation_failed',
        `provider '${request.provider}' is not supported; use one of ${acceptedProviderValues().join(', ')}.`,
      );
    }
    const { definition } = resolved;
    const processType = validateProcessRequest(definition, request, options);
    if (request.notificationUrl !== undefined) {
      const problem = await this.deps.checkDestination(request.notificationUrl);
      if (problem) throw new AppError('validation_failed', `body.notificationUrl ${problem}.`);
    }
    const scenario = chosenScenario(caller, definition, processType ?? null, sandboxScenario);
    const now = this.deps.clock.now();
    const id = newId();
    const process: ProcessRecord = {
      id,
      dossierId,
      clientId: caller.clientId,
      provider: resolved.value,
      processType: processType ?? null,
      status: 'pending',
      documentType: request.documentType ?? null,
      documentCountry: request.documentCountry ?? null,
      documentId: request.documentId ?? null,
      options: {
        ...(request.redact && { redact: [...new Set(request.redact)] }),
        ...(definition.redaction && request.redact && { redactionLevel: request.redactionLevel ?? 'standard' }),
        ...(request.processParameters && { processParameters: request.processParameters }),
        ...(request.eventTags && { eventTags: request.eventTags }),
      },
      notificationUrl: request.notificationUrl ?? null,
      notificationAuthSealed:
        request.authorizationHeader === undefined ? null : this.deps.sealer.sealText(request.authorizationHeader),
      externalId: definition.externalIdAtCreation?.(id) ?? null,
      failReason: null,
      createdAt: now,
      updatedAt: now,
      startedAt: null,
      finishedAt: null,
      sandboxScenario: scenario ?? null,
      outcome: null,
      rawResultKey: null,
      startInputKey: null,
      firstImageAt: null,
      engineOutputKey: null,
    };
    return { process, definition };
  }

  /** Stores a prepared process in its dossier (404 when the dossier is not the caller's). */
  async insert(tx: Repositories, caller: ClientCaller, process: ProcessRecord): Promise<void> {
    const dossier = await requireDossier(tx, caller, process.dossierId);
    await tx.processes.insert(process);
    await tx.dossiers.touch(dossier.id, process.createdAt);
  }

  async get(caller: ClientCaller, dossierId: string, processId: string): Promise<ProcessView> {
    const process = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    let depictions: Depiction[] | undefined;
    if (isFinal(process.status)) {
      const images = await this.deps.store.repos.images.list({
        kind: 'process',
        id: process.id,
        clientId: caller.clientId,
      });
      depictions = images.map((image) => image.depiction).filter(isDepiction);
    }
    return { process, depictions };
  }

  async delete(caller: ClientCaller, dossierId: string, processId: string): Promise<void> {
    const { store, blobs, logger, clock } = this.deps;
    const keys = await store.transaction(async (tx) => {
      const process = await requireProcess(tx, caller, dossierId, processId);
      // Upstream: some vendors' processes cannot be deleted while the vendor is still verifying them.
      const { title, undeletableWhile } = providerOf(process.provider);
      if (undeletableWhile?.includes(process.status)) {
        throw conflict(
          `${title} processes cannot be deleted while they are ${process.status}; delete this one once it has finished.`,
        );
      }
      const deleted = await tx.images.deleteOwner({ kind: 'process', id: process.id, clientId: caller.clientId });
      deleted.push(...(await tx.processes.delete(process)));
      await tx.dossiers.touch(dossierId, clock.now());
      return deleted;
    });
    await deleteBlobsQuietly(blobs, keys, (blobKey, error) =>
      logger.error({ err: error, blobKey }, 'could not delete the blob of a deleted process'),
    );
  }

  async externalId(caller: ClientCaller, dossierId: string, processId: string): Promise<string> {
    const process = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    if (process.externalId === null) {
      throw new AppError('unsupported_for_provider', `${process.provider} processes have no external id.`);
    }
    return process.externalId;
  }
}

/** The caller's process in that dossier, or a 404 (also when either belongs to another client). */
export async function requireProcess(
  repos: Repositories,
  caller: ClientCaller,
  dossierId: string,
  processId: string,
): Promise<ProcessRecord> {
  const process = await repos.processes.find(caller.clientId, dossierId, processId);
  if (!process) {
    // Say which one is missing, without telling whether another client has it.
    if (!(await repos.dossiers.find(caller.clientId, dossierId))) throw notFound('Dossier');
    throw notFound('Process');
  }
  return process;
}
