import { newId } from '../../core/ids.js';
import type { Clock } from '../../core/time.js';
import type { AuditEntry } from '../../store/repositories/audit-log.js';
import type { Repositories } from '../../store/store.js';

/** The actions the audit log records. */
export type AuditAction =
  | 'session.signIn'
  | 'session.signInFailed'
  | 'session.signOut'
  | 'process.view'
  | 'review.claim'
  | 'review.decide'
  | 'client.create'
  | 'client.rotateSecret'
  | 'client.delete'
  | 'client.settings'
  | 'delivery.redeliver'
  | 'operator.create'
  | 'operator.delete'
  | 'operator.resetPassword'
  | 'totp.enroll';

export interface AuditRecord {
  /** The operator's email; `cli` for the command line. */
  operator: string;
  action: AuditAction;
  target: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log, on the repositories given (a transaction, so that the entry and
 * the change it describes are written together). There is no code path that changes or removes one.
 */
export async function audit(repos: Repositories, clock: Clock, record: AuditRecord): Promise<void> {
  const entry: AuditEntry = {
    id: newId(),
    at: clock.now(),
    operator: record.operator,
    action: record.action,
    target: record.target,
    before: record.before ?? null,
    after: record.after ?? null,
  };
  await repos.auditLog.append(entry);
}
