import type { Json } from '../../core/domain.js';

/**
 * Which userInfo claim fills which finalResult field. Connect can front any eID method, so Assure cannot
 * know the claims' formats and copies them unchanged (no normalisation, e.g. iDIN's gender "1" stays "1").
 * The national id is read from Signicat's own claim first, then from iDIN's BIN; upstream's iDIN example
 * carries the same value in both.
 */
const claimsFor = {
  firstName: ['given_name'],
  lastName: ['family_name'],
  gender: ['gender'],
  personalIdentificationNumber: ['signicat.national_id', 'consumer.bin'],
} as const satisfies Record<string, readonly string[]>;

/** The finalResult of readable userInfo claims, or undefined when no claim applies. */
export function finalResultOf(claims: Record<string, unknown>): Json | undefined {
  const entries = Object.entries(claimsFor).flatMap(([field, names]) => {
    const value = names.map((name) => claims[name]).find((claim) => typeof claim === 'string' && claim !== '');
    return value === undefined ? [] : [[field, value] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
