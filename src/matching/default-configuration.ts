import type { DataNode, FieldConfiguration, Normalization, Algorithm } from './types.js';

interface IdentityField {
  id: string;
  normalization: Normalization;
  algorithm: Algorithm;
}

/**
 * The fields compared when a match names no configuration: the identity fields every source has.
 * Names are transliterated and compared word by word (a second given name on the document is still a
 * partial match); dates compare as YYYYMMDD digits; gender as one upper-case letter.
 */
const identityFields: readonly IdentityField[] = [
  { id: 'firstName', normalization: 'cleanUpper', algorithm: 'fuzzy' },
  { id: 'lastName', normalization: 'cleanUpper', algorithm: 'fuzzy' },
  { id: 'dateOfBirth', normalization: 'numeric', algorithm: 'levenshtein' },
  { id: 'gender', normalization: 'upper', algorithm: 'levenshtein' },
];

/** A Connect userInfo holds OpenID Connect claims; every other node uses the Assure field names. */
const oidcClaims: Readonly<Record<string, string>> = {
  firstName: 'given_name',
  lastName: 'family_name',
  dateOfBirth: 'birthdate',
  gender: 'gender',
};

const fieldName = (node: DataNode, id: string): string => (node === 'userInfo' ? (oidcClaims[id] ?? id) : id);

/** The default configuration for matching `source` against `target`. */
export function defaultConfiguration(source: DataNode, target: DataNode): FieldConfiguration[] {
  return identityFields.map((field) => ({
    id: field.id,
    sourceField: fieldName(source, field.id),
    targetField: fieldName(target, field.id),
    normalization: field.normalization,
    algorithm: field.algorithm,
  }));
}
