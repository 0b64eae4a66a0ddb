import { assertNever } from '../core/assert-never.js';
import type { DataNode, NodeValues } from '../matching/types.js';
import { readUserInfo } from '../providers/connect/user-info.js';
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
 * Where each data node of a process lives in its stored outcome: `finalResult` is the mapped result,
 * `userInfo` the OIDC claims a Connect process received, `ocr` what a video identification (eid,
 * signicatvideoid) read on the document. Which node a process has depends on its provider, so a
 * missing one is reported like missing data.
 */
function processNode(process: ProcessRecord, dataNode: Exclude<DataNode, 'userData'>): NodeValues {
  const outcome = process.outcome;
  if (outcome === null) return absent(`the process has no result (status ${process.status})`);
  const providerSpecific = outcome.providerSpecific ?? {};
  switch (dataNode) {
    case 'finalResult':
      return isRecord(outcome.finalResult) ? present(outcome.finalResult) : absent('the process has no finalResult');
    case 'ocr':
      return isRecord(providerSpecific.ocr) ? present(providerSpecific.ocr) : absent('the process has no ocr data');
    case 'userInfo':
      return userInfoNode(providerSpecific.userInfo);
    default:
      return assertNever(dataNode);
  }
}

const present = (values: Record<string, unknown>): NodeValues => ({ available: true, values });

/** A userInfo is JSON, a signed JWT (its claims are read) or an encrypted one, which only the client can read. */
function userInfoNode(userInfo: unknown): NodeValues {
  if (!isRecord(userInfo) && typeof userInfo !== 'string') return absent('the process has no userInfo');
  const read = readUserInfo(userInfo);
  if (typeof read === 'string') return absent('the userInfo cannot be read');
  if (read.format === 'jwe') return absent('the userInfo is encrypted for the client and cannot be read here');
  return present(read.claims);
}
