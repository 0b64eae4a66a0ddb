import { AppError, conflict, notFound } from '../core/errors.js';
import { isAlpha3Country } from '../core/countries.js';
import { isCalendarDate } from '../core/time.js';
import type { UserDataRecord } from '../store/repositories/user-data.js';
import type { ServiceDeps } from './context.js';
import { requireDossier } from './dossiers.js';
import type { ClientCaller } from '../core/domain.js';

export type UserDataFields = Record<string, unknown>;

export class UserDataService {
  constructor(private readonly deps: ServiceDeps) {}

  async get(caller: ClientCaller, dossierId: string): Promise<UserDataRecord> {
    const dossier = await requireDossier(this.deps.store.repos, caller, dossierId);
    const record = await this.deps.store.repos.userData.find(dossier.id);
    if (!record) throw notFound('User data');
    return record;
  }

  async create(caller: ClientCaller, dossierId: string, fields: UserDataFields): Promise<void> {
    validateUserData(fields);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const dossier = await requireDossier(tx, caller, dossierId);
      if (await tx.userData.find(dossier.id)) {
        throw conflict('The user data of this dossier already exists; use PUT to change it.');
      }
      await tx.userData.insert({
        dossierId: dossier.id,
        data: mergeUserData({}, fields),
        createdAt: now,
        updatedAt: now,
      });
      await tx.dossiers.touch(dossier.id, now);
    });
  }

  /** Merges fields into the existing user data; a field sent as "" is removed. */
  async update(caller: ClientCaller, dossierId: string, fields: UserDataFields): Promise<void> {
    validateUserData(fields);
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const dossier = await requireDossier(tx, caller, dossierId);
      const existing = await tx.userData.find(dossier.id);
      if (!existing) throw notFound('User data');
      await tx.userData.update(dossier.id, mergeUserData(existing.data, fields), now);
      await tx.dossiers.touch(dossier.id, now);
    });
  }

  async delete(caller: ClientCaller, dossierId: string): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.store.transaction(async (tx) => {
      const dossier = await requireDossier(tx, caller, dossierId);
      if (!(await tx.userData.delete(dossier.id))) throw notFound('User data');
      await tx.dossiers.touch(dossier.id, now);
    });
  }
}

/** Applies `changes` to `current`: "" removes a field, nested objects merge, other values replace. */
function mergeUserData(current: UserDataFields, changes: UserDataFields): UserDataFields {
  const merged: UserDataFields = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === '' || value === undefined || value === null) {
      delete merged[key];
    } else if (isPlainObject(value)) {
      const nested = mergeUserData(isPlainObject(merged[key]) ? merged[key] : {}, value);
      if (Object.keys(nested).length === 0) delete merged[key];
      else merged[key] = nested;
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function isPlainObject(value: unknown): value is UserDataFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks what the JSON schema cannot: real dates and known country codes. */
function validateUserData(fields: UserDataFields): void {
  const problems: string[] = [];
  const dateOfBirth = fields.dateOfBirth;
  if (typeof dateOfBirth === 'string' && dateOfBirth !== '' && !isCalendarDate(dateOfBirth)) {
    problems.push('userData.dateOfBirth must be a real date written YYYY-MM-DD.');
  }
  const nationality = fields.nationality;
  if (typeof nationality === 'string' && nationality !== '' && !isAlpha3Country(nationality)) {
    problems.push('userData.nationality must be an ISO 3166-1 alpha-3 country code.');
  }
  const address = fields.address;
  if (isPlainObject(address) && typeof address.country === 'string' && address.country !== '') {
    if (!isAlpha3Country(address.country)) {
      problems.push('userData.address.country must be an ISO 3166-1 alpha-3 country code.');
    }
  }
  if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '));
}
