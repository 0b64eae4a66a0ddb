import { assertNever } from '../core/assert-never.js';
import type { DataNode, NodeValues } from '../matching/types.js';
import { providerOf } from '../providers/registry.js';
import type { Repositories } from '../store/store.js';
import { requireProcess } from './processes.js';
import type { ProcessRecord, ClientCaller } from '../core/domain.js';

/** One side of a match as the request names it. */
export interface NodeRequest {
  dataNode: DataNode;
  processId?: string;
}

/** One side of a match: what it is, when its data last changed, and its values (or why there are none). */
export interface LoadedNode {
  dataNode: DataNode;
  processId?: string;
  /** Epoch ms; absent when the node has no data. */
  updatedAt?: number;
  values: NodeValues;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const absent = (reason: string): NodeValues => ({ available: false, reason });

/**
 * Loads one side. The dossier and the process must be the caller's (404 otherwise, also for a process
 * of another dossier), but a node without data is not an error here: every field of the match then
 * says why, so that the caller still sees which side was empty.
 */
export async function loadNode(
  repos: Repositories,
  caller: ClientCaller,
  dossierId: string,
  request: NodeRequest,
): Promise<LoadedNode> {
  if (request.dataNode === 'userData') {
    const record = await repos.userData.find(dossierId);
    if (!record) return { dataNode: 'userData', values: absent('the dossier has no user data') };
    return { dataNode: 'userData', updatedAt: record.updatedAt, values: { available: true, values: record.data } };
  }
  // The service has checked that a process node names its process.
  const process = await requireProcess(repos, caller, dossierId, request.processId!);
  const values = processNode(process, request.dataNode);
  return {
    dataNode: request.dataNode,
    processId: process.id,
    ...(values.available && { updatedAt: process.finishedAt ?? process.updatedAt }),
    values,
  };
}

/**
 * Where each data node of a process lives in its stored outcome: `finalResult` is the mapped result;
 * the other nodes (`ocr`, `userInfo`) are read by the process's provider, when it has them. Which node a
 * process has depends on its provider, so a missing one is reported like missing data.
 */
function processNode(process: ProcessRecord, dataNode: Exclude<DataNode, 'userData'>): NodeValues {
  const outcome = process.outcome;
  if (outcome === null) return absent(`the process has no result (status ${process.status})`);
  switch (dataNode) {
    case 'finalResult':
      return isRecord(outcome.finalResult) ? present(outcome.finalResult) : absent('the process has no finalResult');
    case 'ocr':
    case 'userInfo': {
      const read = providerOf(process.provider).matchingNodes?.[dataNode];
      return read?.(outcome.providerSpecific ?? {}) ?? absent(missingNode[dataNode]);
    }
    default:
      return assertNever(dataNode);
  }
}

const missingNode = { ocr: 'the process has no ocr data', userInfo: 'the process has no userInfo' };

const present = (values: Record<string, unknown>): NodeValues => ({ available: true, values });
