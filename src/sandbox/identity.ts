import type { Outcome } from '../core/domain.js';

export interface Identity {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  dateOfExpiry?: string;
  documentNumber?: string;
  nationality?: string;
  gender?: string;
}

const fields = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'dateOfExpiry',
  'documentNumber',
  'nationality',
  'gender',
] as const;

/**
 * The person and document a result describes: the finalResult when there is one, otherwise the first
 * object in providerSpecific (two levels deep) that carries a name. Sandbox images are drawn from it,
 * so they show the scenario's identity.
 */
export function identityOf(outcome: Outcome): Identity {
  const candidates: unknown[] = [outcome.finalResult];
  for (const value of Object.values(outcome.providerSpecific ?? {})) {
    candidates.push(value);
    if (value && typeof value === 'object') candidates.push(...Object.values(value as Record<string, unknown>));
  }
  const source = candidates.find(
    (c): c is Record<string, unknown> =>
      !!c &&
      typeof c === 'object' &&
      (typeof (c as Identity).lastName === 'string' || typeof (c as Identity).firstName === 'string'),
  );
  if (!source) return {};
  const identity: Identity = {};
  for (const field of fields) if (typeof source[field] === 'string') identity[field] = source[field] as string;
  return identity;
}
