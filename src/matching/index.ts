/**
 * Matching: comparing the identity data of two sources (user data, a process's finalResult, a Connect
 * userInfo, an eID OCR) field by field. Pure functions over values; services load the data.
 */
export { matchFields } from './compare-field.js';
export { defaultConfiguration } from './default-configuration.js';
export { resolveFields, type FieldConfigurationInput } from './configuration.js';
export * from './types.js';
