import type { DataNode, FieldConfiguration, Normalization, Algorithm } from './types.js';

interface IdentityField {
  id: string;
  normalization: Normalization;
  algorithm: Algorithm;
}

/**
 * The fields compared when a match names no configuration: the identity fields every source has, in
 * the order of upstream's example. Names are transliterated and compared word by word (a second given
 * name on the document is still a partial match); dates compare as YYYYMMDD digits, whichever order a
 * source writes them in; gender by its initial, so that an OIDC "female" and a document's "F" agree.
 */
const identityFields: readonly IdentityField[] = [
  { id: 'firstName', normalization: 'cleanUpper', algorithm: 'fuzzy' },
  { id: 'lastName', normalization: 'cleanUpper', algorithm: 'fuzzy' },
  { id: 'gender', normalization: 'initialsUpper', algorithm: 'levenshtein' },
  { id: 'dateOfBirth', normalization: 'numeric', algorithm: 'levenshtein' },
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
