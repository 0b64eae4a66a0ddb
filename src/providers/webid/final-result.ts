import { defined, normalizeCountry, normalizeDate, normalizeGender } from '../normalize.js';
import type { WebIdIdentResponse } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * The finalResult of an accepted WebID process: the fields upstream's examples show, from the person
 * the agent confirmed and the document shown, normalised (dates YYYY-MM-DD, countries ISO alpha-3,
 * gender M/F). A value that cannot be normalised is left out.
 */
export function finalResultOf({ user = {}, idDocument = {} }: WebIdIdentResponse): Json {
  return defined({
    firstName: text(user.firstname) ?? text(user.firstName),
    lastName: text(user.lastname) ?? text(user.lastName),
    dateOfExpiry: normalizeDate(idDocument.dateOfExpiry),
    dateOfBirth: normalizeDate(user.dateOfBirth),
    gender: normalizeGender(user.gender) ?? normalizeGender(user.sex),
    nationality: normalizeCountry(idDocument.nationality),
    documentType: documentTypeOf(idDocument.documentType),
    documentNumber: text(idDocument.idNumber) ?? text(idDocument.documentNumber),
  });
}

type DocumentType = 'identityCard' | 'passport' | 'residencePermit' | 'driversLicense';

// WebID names the document in German or English, with varying case and spacing.
const documentTypes: Record<string, DocumentType> = {
  personalausweis: 'identityCard',
  idcard: 'identityCard',
  identitycard: 'identityCard',
  reisepass: 'passport',
  passport: 'passport',
  aufenthaltstitel: 'residencePermit',
  residencepermit: 'residencePermit',
  führerschein: 'driversLicense',
  fuehrerschein: 'driversLicense',
  driverslicense: 'driversLicense',
  drivinglicense: 'driversLicense',
};

/** Assure's document type for WebID's document name; undefined when WebID's name is not one we know. */
export function documentTypeOf(name: string | undefined): DocumentType | undefined {
  return name === undefined ? undefined : documentTypes[name.toLowerCase().replace(/[\s_'-]/g, '')];
}

/** WebID sends empty strings for fields it does not have. */
const text = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);
