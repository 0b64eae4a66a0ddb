import type { Static } from 'typebox';
import { toIsoSeconds } from '../core/time.js';
import { providerOf } from '../providers/registry.js';
import type { ProcessView } from '../services/processes.js';
import type { DossierRecord } from '../store/repositories/dossiers.js';
import type { UserDataRecord } from '../store/repositories/user-data.js';
import type { Dossier, DossierResponse, SlimProcess } from './schemas/dossiers.js';
import type { ListAllProcesses, Process, ProcessResponse } from './schemas/processes.js';
import type { UserDataResponse } from './schemas/user-data.js';
import type { ProcessRecord } from '../core/domain.js';

/** Records to wire shapes. Optional fields are left out rather than sent as null, like upstream. */
export function presentDossier(dossier: DossierRecord): Static<typeof Dossier> {
  return {
    dossierId: dossier.id,
    ...(dossier.externalReference !== null && { externalReference: dossier.externalReference }),
    createdAt: toIsoSeconds(dossier.createdAt),
    updatedAt: toIsoSeconds(dossier.updatedAt),
  };
}

function presentSlimProcess(process: ProcessRecord): Static<typeof SlimProcess> {
  return {
    processId: process.id,
    provider: process.provider,
    ...(process.processType !== null && { processType: process.processType }),
    status: process.status,
    createdAt: toIsoSeconds(process.createdAt),
    updatedAt: toIsoSeconds(process.updatedAt),
  };
}

export function presentDossierWithProcesses(
  dossier: DossierRecord,
  processes: ProcessRecord[],
): Static<typeof DossierResponse> {
  return { ...presentDossier(dossier), processes: processes.map(presentSlimProcess) };
}

export function presentUserData(record: UserDataRecord): Static<typeof UserDataResponse> {
  return {
    dossierId: record.dossierId,
    userData: record.data,
    createdAt: toIsoSeconds(record.createdAt),
    updatedAt: toIsoSeconds(record.updatedAt),
  };
}

export function presentCreatedProcess(
  process: ProcessRecord,
  extra: Record<string, string | number>,
): Static<typeof ProcessResponse> {
  return { ...presentSlimProcess(process), ...extra };
}

export function presentProcess({ process, depictions }: ProcessView): Static<typeof Process> {
  return {
    processId: process.id,
    provider: process.provider,
    ...(process.processType !== null && { processType: process.processType }),
    status: process.status,
    ...(process.status === 'failed' && process.failReason !== null && { failReason: process.failReason }),
    ...(depictions !== undefined && { depictions }),
    ...(process.outcome?.finalResult !== undefined && { finalResult: process.outcome.finalResult }),
    ...(process.outcome?.providerSpecific !== undefined && { providerSpecific: process.outcome.providerSpecific }),
    ...(process.outcome?.statusReasons !== undefined && { statusReasons: process.outcome.statusReasons }),
    ...providerOf(process.provider).processFields?.(process),
    // Upstream shows the legacy callback URL back (never its Authorization value).
    ...(process.notificationUrl !== null && { notificationUrl: process.notificationUrl }),
    createdAt: toIsoSeconds(process.createdAt),
    updatedAt: toIsoSeconds(process.updatedAt),
  };
}

export function presentListedProcess(
  process: ProcessRecord,
  dossier: DossierRecord,
): Static<typeof ListAllProcesses>['processes'][number] {
  return {
    processId: process.id,
    dossier: presentDossier(dossier),
    provider: process.provider,
    status: process.status,
    ...(process.processType !== null && { processType: process.processType }),
    createdAt: toIsoSeconds(process.createdAt),
    updatedAt: toIsoSeconds(process.updatedAt),
    ...(process.externalId !== null && { externalId: process.externalId }),
    ...(process.status === 'failed' && process.failReason !== null && { failReason: process.failReason }),
  };
}
