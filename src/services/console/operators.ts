import { hashOperatorPassword, newOperatorPassword } from '../../auth/operator-passwords.js';
import type { OperatorRole } from '../../core/domain.js';
import { AppError, conflict, notFound } from '../../core/errors.js';
import type { Clock } from '../../core/time.js';
import type { OperatorRecord } from '../../store/repositories/operators.js';
import type { Store } from '../../store/store.js';
import { audit } from './audit.js';

export interface NewOperator {
  email: string;
  role: OperatorRole;
  clients?: string[] | null;
}

export interface OperatorSummary {
  email: string;
  role: OperatorRole;
  clients: string[] | null;
  totpEnrolled: boolean;
  createdAt: number;
}

export const operatorRoles: readonly OperatorRole[] = ['admin', 'reviewer', 'viewer'];

const emailShape = /^[^\s@]{1,64}@[^\s@]{1,190}$/;

/** Emails are compared lower-cased: an operator signs in however they type it. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

const summaryOf = (operator: OperatorRecord): OperatorSummary => ({
  email: operator.email,
  role: operator.role,
  clients: operator.clients,
  totpEnrolled: operator.totpSecretSealed !== null,
  createdAt: operator.createdAt,
});

/**
 * Operators of the console: created with a generated password (shown once), listed, deleted, their
 * password reset. `actor` is who does it, for the audit log (an operator's email, or `cli`).
 */
export class OperatorService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(input: NewOperator, actor: string): Promise<{ email: string; password: string; role: OperatorRole }> {
    const email = normalizeEmail(input.email);
    if (!emailShape.test(email)) throw new AppError('validation_failed', 'body.email must be an email address.');
    if (!operatorRoles.includes(input.role)) {
      throw new AppError('validation_failed', `body.role must be one of: ${operatorRoles.join(', ')}.`);
    }
    const clients = input.clients === undefined || input.clients === null ? null : [...new Set(input.clients)];
    const password = newOperatorPassword();
    const passwordHash = await hashOperatorPassword(password);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      for (const clientId of clients ?? []) {
        if (!(await tx.clients.find(clientId))) throw notFound(`Client ${clientId}`);
      }
      if (await tx.operators.find(email)) throw conflict(`There is already an operator ${email}.`);
      await tx.operators.insert({
        email,
        passwordHash,
        role: input.role,
        clients,
        totpSecretSealed: null,
        totpLastStep: null,
        createdAt: now,
        updatedAt: now,
      });
      await audit(tx, this.clock, {
        operator: actor,
        action: 'operator.create',
        target: email,
        after: { email, role: input.role, clients },
      });
    });
    return { email, password, role: input.role };
  }

  async list(): Promise<OperatorSummary[]> {
    return (await this.store.repos.operators.list()).map(summaryOf);
  }

  /** Deletes an operator; their sessions end with them. */
  async delete(email: string, actor: string): Promise<void> {
    const normalized = normalizeEmail(email);
    await this.store.transaction(async (tx) => {
      const operator = await tx.operators.find(normalized);
      if (!operator) throw notFound('Operator');
      await tx.operators.delete(normalized);
      await audit(tx, this.clock, {
        operator: actor,
        action: 'operator.delete',
        target: normalized,
        before: { email: operator.email, role: operator.role, clients: operator.clients },
      });
    });
  }

  /** A new generated password; the operator's sessions end. */
  async resetPassword(email: string, actor: string): Promise<{ password: string }> {
    const normalized = normalizeEmail(email);
    const password = newOperatorPassword();
    const passwordHash = await hashOperatorPassword(password);
    await this.store.transaction(async (tx) => {
      if (!(await tx.operators.setPassword(normalized, passwordHash, this.clock.now()))) throw notFound('Operator');
      await tx.operatorSessions.deleteAllOf(normalized);
      await audit(tx, this.clock, { operator: actor, action: 'operator.resetPassword', target: normalized });
    });
    return { password };
  }
}
