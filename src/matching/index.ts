/**
 * Matching: comparing the identity data of two sources (user data, a process's finalResult, a Connect
 * userInfo, an eID OCR) field by field. Pure functions over values; services load the data.
 */
export { matchField, matchFields } from './compare-field.js';
export { compareValues, partialSimilarity, type Comparison } from './algorithms.js';
export { normalize } from './normalizations.js';
export { canonicalDate } from './dates.js';
export { levenshteinDistance, similarityRatio } from './levenshtein.js';
export { defaultConfiguration } from './default-configuration.js';
export {
  resolveFields,
  defaultAlgorithm,
  defaultNormalization,
  type FieldConfigurationInput,
  type ResolvedFields,
} from './configuration.js';
export * from './types.js';
