import type { Kysely, Selectable } from 'kysely';
import type { OperatorRole } from '../../core/domain.js';
import type { Database, OperatorsTable } from '../schema.js';

export interface OperatorRecord {
  email: string;
  passwordHash: string;
  role: OperatorRole;
  /** The clients the operator may see; null: every client. */
  clients: string[] | null;
  totpSecretSealed: string | null;
  totpLastStep: number | null;
  createdAt: number;
  updatedAt: number;
}

const toRecord = (row: Selectable<OperatorsTable>): OperatorRecord => ({
  email: row.email,
  passwordHash: row.password_hash,
  role: row.role,
  clients: row.clients === null ? null : (JSON.parse(row.clients) as string[]),
  totpSecretSealed: row.totp_secret_sealed,
  totpLastStep: row.totp_last_step,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Operators of the console, by email. */
export class OperatorRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(email: string): Promise<OperatorRecord | undefined> {
    const row = await this.db.selectFrom('operators').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<OperatorRecord[]> {
    const rows = await this.db.selectFrom('operators').selectAll().orderBy('email').execute();
    return rows.map(toRecord);
  }

  async insert(operator: OperatorRecord): Promise<void> {
    await this.db
      .insertInto('operators')
      .values({
        email: operator.email,
        password_hash: operator.passwordHash,
        role: operator.role,
        clients: operator.clients === null ? null : JSON.stringify(operator.clients),
        totp_secret_sealed: operator.totpSecretSealed,
        totp_last_step: operator.totpLastStep,
        created_at: operator.createdAt,
        updated_at: operator.updatedAt,
      })
      .execute();
  }

  async setPassword(email: string, passwordHash: string, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('operators')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('email', '=', email)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setTotpSecret(email: string, secretSealed: string, step: number, now: number): Promise<void> {
    await this.db
      .updateTable('operators')
      .set({ totp_secret_sealed: secretSealed, totp_last_step: step, updated_at: now })
      .where('email', '=', email)
      .execute();
  }

  /**
   * Records that the code of `step` was used: a compare-and-set, so that of two requests with the same
   * code only one wins. False when this step (or a later one) was used already.
   */
  async useTotpStep(email: string, step: number): Promise<boolean> {
    const result = await this.db
      .updateTable('operators')
      .set({ totp_last_step: step })
      .where('email', '=', email)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async delete(email: string): Promise<boolean> {
    const result = await this.db.deleteFrom('operators').where('email', '=', email).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
