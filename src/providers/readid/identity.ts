import { defined, normalizeCountry, normalizeGender } from '../normalize.js';
import { assertNever } from '../../core/assert-never.js';
import { fullDate } from './dates.js';
import type { ConsolidatedIdentityData, DocumentContent, VerificationStatus } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * ReadID's identity data in Assure's form: names split into first and last, dates YYYY-MM-DD, ISO
 * alpha-3 countries, M/F. Other text is shown as ReadID read it (an empty place of birth stays empty).
 */

/** The ICAO document code's first letter says what the document is; the second is the issuer's choice. */
function documentTypeOf(code: string | null | undefined): 'passport' | 'identityCard' | 'driversLicense' | undefined {
  switch (code?.trim().charAt(0)) {
    case 'P':
      return 'passport';
    case 'I':
    case 'A':
    case 'C':
      return 'identityCard';
    case 'D':
      return 'driversLicense';
    default:
      return undefined;
  }
}

/** Assure's words for the chip checks: a check the document cannot do is "not available". */
function checkStatus(status: VerificationStatus): string {
  switch (status) {
    case 'SUCCEEDED':
    case 'FAILED':
    case 'NOT_CHECKED':
      return status;
    case 'NOT_SUPPORTED':
      return 'NOT_AVAILABLE';
    default:
      return assertNever(status);
  }
}

export function consolidatedIdentityData(
  data: ConsolidatedIdentityData,
  content: DocumentContent | undefined,
  today: string,
): Json {
  const code = data.documentCode ?? data.documentType;
  return defined({
    chipVerification: checkStatus(data.chipVerification),
    chipCloneDetection: checkStatus(data.chipCloneDetection),
    dateOfBirth: fullDate('past', data.dateOfBirth, today, content?.fullDateOfBirth ?? content?.interpretedDateOfBirth),
    dateOfExpiry: fullDate('expiry', data.dateOfExpiry, today, content?.interpretedDateOfExpiry),
    documentCode: code?.trim().charAt(0) || undefined,
    documentNumber: data.documentNumber,
    documentType: documentTypeOf(data.documentType ?? data.documentCode),
    gender: normalizeGender(data.gender),
    issuingCountry: normalizeCountry(data.issuingCountry),
    nationality: normalizeCountry(data.nationality),
    personalIdentificationNumber: data.personalNumber,
    placeOfBirth: data.placeOfBirth,
    firstName: data.secondaryIdentifier,
    lastName: data.primaryIdentifier,
  });
}

export function documentContent(content: DocumentContent, today: string): Json {
  return defined({
    dateOfBirth: fullDate(
      'past',
      content.dateOfBirth,
      today,
      content.fullDateOfBirth ?? content.interpretedDateOfBirth,
    ),
    dateOfExpiry: fullDate('expiry', content.dateOfExpiry, today, content.interpretedDateOfExpiry),
    dateOfIssue: fullDate('past', content.dateOfIssue, today),
    documentNumber: content.documentNumber,
    issuingAuthority: content.issuingAuthority,
    issuingCountry: normalizeCountry(content.issuingCountry),
    personalIdentificationNumber: content.personalNumber,
    firstName: content.secondaryIdentifier,
    lastName: content.primaryIdentifier,
    gender: normalizeGender(content.gender),
    mrzFirstName: content.mrzSecondaryIdentifier,
    mrzLastName: content.mrzPrimaryIdentifier,
    nationality: normalizeCountry(content.nationality),
    placeOfBirth: content.placeOfBirth,
    profession: content.profession,
    telephone: content.telephone,
    title: content.title,
  });
}

const finalResultFields = [
  'documentType',
  'firstName',
  'lastName',
  'gender',
  'nationality',
  'dateOfBirth',
  'placeOfBirth',
  'documentNumber',
  'dateOfExpiry',
  'issuingCountry',
  'personalIdentificationNumber',
] as const;

/** The normalised summary of an accepted session, from the consolidated data; empty values left out. */
export function finalResult(consolidated: Json): Json {
  const entries = finalResultFields
    .map((field) => [field, consolidated[field]] as const)
    .filter(([, value]) => typeof value === 'string' && value.trim() !== '');
  return Object.fromEntries(entries);
}
