import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Json, ProcessOptions, ProcessRecord, StoredOutcome, TransitionPatch } from '../../core/domain.js';
import type { ProcessesTable } from '../schema.js';

/** Between the `processes` table's rows and ProcessRecords: JSON columns are text, times epoch ms. */

const parseJson = (text: string | null): unknown => (text === null ? null : (JSON.parse(text) as unknown));

export const toProcessRecord = (row: Selectable<ProcessesTable>): ProcessRecord => ({
  id: row.id,
  dossierId: row.dossier_id,
  clientId: row.client_id,
  provider: row.provider,
  processType: row.process_type,
  status: row.status,
  documentType: row.document_type,
  documentCountry: row.document_country,
  documentId: row.document_id,
  options: JSON.parse(row.options) as ProcessOptions,
  notificationUrl: row.notification_url,
  notificationAuthSealed: row.notification_auth_sealed,
  externalId: row.external_id,
  failReason: parseJson(row.fail_reason) as Json | null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  sandboxScenario: row.sandbox_scenario,
  outcome: parseJson(row.outcome) as StoredOutcome | null,
  rawResultKey: row.raw_result_key,
  startInputKey: row.start_input_key,
  firstImageAt: row.first_image_at,
  engineOutputKey: row.engine_output_key,
});

export const toProcessRow = (process: ProcessRecord): Insertable<ProcessesTable> => ({
  id: process.id,
  dossier_id: process.dossierId,
  client_id: process.clientId,
  provider: process.provider,
  process_type: process.processType,
  status: process.status,
  document_type: process.documentType,
  document_country: process.documentCountry,
  document_id: process.documentId,
  options: JSON.stringify(process.options),
  notification_url: process.notificationUrl,
  notification_auth_sealed: process.notificationAuthSealed,
  external_id: process.externalId,
  fail_reason: process.failReason === null ? null : JSON.stringify(process.failReason),
  created_at: process.createdAt,
  updated_at: process.updatedAt,
  started_at: process.startedAt,
  finished_at: process.finishedAt,
  sandbox_scenario: process.sandboxScenario,
  outcome: process.outcome === null ? null : JSON.stringify(process.outcome),
  raw_result_key: process.rawResultKey,
  start_input_key: process.startInputKey,
  first_image_at: process.firstImageAt,
  engine_output_key: process.engineOutputKey,
});

/** The columns a status change's patch sets; fields it leaves undefined keep their value. */
export function toPatchColumns(patch: TransitionPatch): Updateable<ProcessesTable> {
  const {
    failReason,
    startedAt,
    finishedAt,
    externalId,
    sandboxScenario,
    outcome,
    rawResultKey,
    startInputKey,
    engineOutputKey,
    ...unmapped
  } = patch;
  // Does not compile while TransitionPatch has a field without a column above.
  const none: Record<string, never> = unmapped;
  return {
    ...none,
    ...(failReason !== undefined && { fail_reason: JSON.stringify(failReason) }),
    ...(startedAt !== undefined && { started_at: startedAt }),
    ...(finishedAt !== undefined && { finished_at: finishedAt }),
    ...(externalId !== undefined && { external_id: externalId }),
    ...(sandboxScenario !== undefined && { sandbox_scenario: sandboxScenario }),
    ...(outcome !== undefined && { outcome: JSON.stringify(outcome) }),
    ...(rawResultKey !== undefined && { raw_result_key: rawResultKey }),
    ...(startInputKey !== undefined && { start_input_key: startInputKey }),
    ...(engineOutputKey !== undefined && { engine_output_key: engineOutputKey }),
  };
}
