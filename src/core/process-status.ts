/**
 * The process status machine: the statuses, which of them are final, and the only transitions
 * allowed between them. Every status change in the system goes through `assertTransition`.
 */
export const processStatuses = [
  'pending',
  'processing',
  'accepted',
  'rejected',
  'inconclusive',
  'canceled',
  'failed',
] as const;

export type ProcessStatus = (typeof processStatuses)[number];

const finalStatusList = ['accepted', 'rejected', 'inconclusive', 'canceled', 'failed'] as const;

/** A status a process ends in; a verification's outcome is always one of these. */
export type FinalStatus = (typeof finalStatusList)[number];

const finalStatuses: ReadonlySet<ProcessStatus> = new Set(finalStatusList);

/** Statuses whose verification produced a result (as opposed to ending without one). */
export const resultStatuses: ReadonlySet<ProcessStatus> = new Set(['accepted', 'rejected', 'inconclusive']);

const transitions: Record<ProcessStatus, readonly ProcessStatus[]> = {
  // A pending process can start verifying, or end without a result (failed by the client or a
  // timeout, canceled by the end-user in a provider's app).
  pending: ['processing', 'failed', 'canceled'],
  processing: ['accepted', 'rejected', 'inconclusive', 'failed', 'canceled'],
  accepted: [],
  rejected: [],
  inconclusive: [],
  canceled: [],
  failed: [],
};

export function isProcessStatus(value: string): value is ProcessStatus {
  return (processStatuses as readonly string[]).includes(value);
}

export function isFinal(status: ProcessStatus): status is FinalStatus {
  return finalStatuses.has(status);
}

export function canTransition(from: ProcessStatus, to: ProcessStatus): boolean {
  return transitions[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: ProcessStatus,
    readonly to: ProcessStatus,
  ) {
    super(`A process cannot go from '${from}' to '${to}'.`);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: ProcessStatus, to: ProcessStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
