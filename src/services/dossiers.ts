import { deleteBlobsQuietly } from '../blobs/blob-store.js';
import { conflict, notFound } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { deleteDossierRows } from './dossier-deletion.js';
import type { DossierRecord } from '../store/repositories/dossiers.js';
import { providerOf } from '../providers/registry.js';
import type { Repositories } from '../store/store.js';
import type { ServiceDeps } from './context.js';
import type { ProcessRecord, ClientCaller } from '../core/domain.js';

export interface DossierWithProcesses {
  dossier: DossierRecord;
  processes: ProcessRecord[];
}

/** Upstream lists "the last 100 dossiers". */
const dossierListLimit = 100;

export class DossierService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(caller: ClientCaller, externalReference: string | undefined): Promise<DossierRecord> {
    const now = this.deps.clock.now();
    const dossier: DossierRecord = {
      id: newId(),
      clientId: caller.clientId,
      externalReference: externalReference ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.deps.store.repos.dossiers.insert(dossier);
    return dossier;
  }

  async get(caller: ClientCaller, dossierId: string): Promise<DossierWithProcesses> {
    const dossier = await requireDossier(this.deps.store.repos, caller, dossierId);
    const processes = await this.deps.store.repos.processes.listByDossier(dossier.id);
    return { dossier, processes };
  }

  list(caller: ClientCaller): Promise<DossierRecord[]> {
    return this.deps.store.repos.dossiers.listNewest(caller.clientId, dossierListLimit);
  }

  async delete(caller: ClientCaller, dossierId: string): Promise<void> {
    const blobKeys = await this.deps.store.transaction(async (tx) => {
      const dossier = await requireDossier(tx, caller, dossierId);
      await refuseWhileUndeletable(tx, dossier.id);
      return deleteDossierRows(tx, caller.clientId, dossier.id);
    });
    await this.deleteBlobs(blobKeys);
  }

  async deleteAll(caller: ClientCaller): Promise<void> {
    const blobKeys = await this.deps.store.transaction(async (tx) => {
      const keys = await tx.images.deleteAllOfClient(caller.clientId);
      keys.push(...(await tx.processes.deleteAllOfClient(caller.clientId)));
      await tx.dossiers.deleteAll(caller.clientId);
      return keys;
    });
    await this.deleteBlobs(blobKeys);
  }

  private deleteBlobs(keys: readonly string[]): Promise<void> {
    return deleteBlobsQuietly(this.deps.blobs, keys, (blobKey, error) =>
      this.deps.logger.error({ err: error, blobKey }, 'could not delete the blob of a deleted dossier'),
    );
  }
}

/** The caller's dossier, or a 404 (also when it belongs to another client). */
export async function requireDossier(
  repos: Repositories,
  caller: ClientCaller,
  dossierId: string,
): Promise<DossierRecord> {
  const dossier = await repos.dossiers.find(caller.clientId, dossierId);
  if (!dossier) throw notFound('Dossier');
  return dossier;
}

/** Upstream: a process its vendor is still verifying (e.g. Onfido's, while processing) blocks deleting its dossier. */
async function refuseWhileUndeletable(tx: Repositories, dossierId: string): Promise<void> {
  for (const process of await tx.processes.listByDossier(dossierId)) {
    const { title, undeletableWhile } = providerOf(process.provider);
    if (undeletableWhile?.includes(process.status)) {
      throw conflict(
        `The dossier has a ${title} process that is still ${process.status}; delete it once it has finished.`,
      );
    }
  }
}
