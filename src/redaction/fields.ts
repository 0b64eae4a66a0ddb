import type { VizFieldName } from '../engines/viz/index.js';

/** The margin sizes a client can ask for, smallest first ('standard' is the default upstream). */
export const redactionLevels = ['standard', 'medium', 'high', 'veryHigh'] as const;
export type RedactionLevel = (typeof redactionLevels)[number];

/** The fields POST /assure/redact takes (upstream's enum). */
export const redactEndpointFields = ['personalIdentificationNumber', 'photo'] as const;

/**
 * Printed fields found by the VIZ reader (`engines/viz`), with the VIZ fields that show each. The
 * reader finds a field by the MRZ's value or by its caption, so these need an MRZ on the document.
 */
export const printedFields = {
  firstName: ['givenNames'],
  lastName: ['surname'],
  fullName: ['surname', 'givenNames'],
  documentNumber: ['documentNumber'],
  dateOfBirth: ['dateOfBirth'],
  dateOfExpiry: ['dateOfExpiry'],
  gender: ['sex'],
} as const satisfies Record<string, readonly VizFieldName[]>;
export type PrintedField = keyof typeof printedFields;

/**
 * The fields this server can find on a document by itself: the portrait (face detection), the MRZ
 * (the MRZ reader's band), the personal number (from the MRZ, then where it is printed) and the
 * printed fields above. Every other field of upstream's `redact` enum is never located, so asking
 * for it cannot fully succeed.
 */
const locatableFields = [
  'photo',
  'mrz',
  'personalIdentificationNumber',
  ...(Object.keys(printedFields) as PrintedField[]),
] as const;
export type LocatableField = 'photo' | 'mrz' | 'personalIdentificationNumber' | PrintedField;

export const isPrintedField = (field: string): field is PrintedField => Object.hasOwn(printedFields, field);

export const isLocatable = (field: string): field is LocatableField =>
  (locatableFields as readonly string[]).includes(field);

export const levelOf = (value: string | undefined): RedactionLevel =>
  (redactionLevels as readonly string[]).includes(value ?? '') ? (value as RedactionLevel) : 'standard';
