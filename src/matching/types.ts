/** The normalizations of the Assure API, applied to both values of a field before they are compared. */
export const normalizations = ['none', 'upper', 'clean', 'cleanUpper', 'initialsUpper', 'numeric'] as const;
export type Normalization = (typeof normalizations)[number];

/** The comparison algorithms of the Assure API. */
export const algorithms = ['levenshtein', 'fuzzy'] as const;
export type Algorithm = (typeof algorithms)[number];

/** Where the values of one side come from: the dossier's user data, or a part of a process's result. */
export const dataNodes = ['userData', 'finalResult', 'userInfo', 'ocr'] as const;
export type DataNode = (typeof dataNodes)[number];

/** One compared field: the value named `sourceField` on the source against `targetField` on the target. */
export interface FieldConfiguration {
  /** The key of this field in the match result. */
  id: string;
  sourceField: string;
  targetField: string;
  normalization: Normalization;
  algorithm: Algorithm;
}

/**
 * The values of one side of a match, or why there are none (the dossier has no user data, the process
 * has no finalResult yet...). Values are the node's JSON object as stored.
 */
export type NodeValues =
  { available: true; values: Readonly<Record<string, unknown>> } | { available: false; reason: string };

/** The outcome for one field, in the upstream FieldMatchResult shape. */
export interface FieldMatchResult {
  sourceValue?: string;
  targetValue?: string;
  sourceNormalized?: string;
  targetNormalized?: string;
  /** Levenshtein distance between the normalized values; absent when they could not be compared. */
  editDistance?: number;
  /** Why the field could not be compared; the match flags are then false. */
  error?: string;
  algorithm: Algorithm;
  normalization: Normalization;
  exactMatch: boolean;
  partialMatch: boolean;
}
