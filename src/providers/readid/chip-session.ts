import type { AdditionalDetails } from '../../chip/data-groups.js';
import type { ChipReport } from '../../chip/verify-chip.js';
import { parseMrz } from '../../engines/mrz/index.js';
import type { MrzFields } from '../../engines/mrz/index.js';
import type { ConsolidatedIdentityData, DocumentContent, IProovSession, ReadIDSession } from './raw.js';

/**
 * A ReadID session built from our own chip report, in ReadID's raw words (YYMMDD dates, MALE/FEMALE,
 * primary and secondary identifiers), so the same mapResult maps live and sandbox sessions. The whole
 * report rides along as `chipReport`: it is what session.json in the download shows.
 */

/** YYYY-MM-DD → YYMMDD, as the chip writes it. */
const short = (date: string | null | undefined): string | null => (date ? date.slice(2).replaceAll('-', '') : null);

const genders = { M: 'MALE', F: 'FEMALE', X: null } as const;

/** DG11 writes the full name as "SURNAME, GIVEN NAMES" once made readable. */
function splitName(fullName: string | undefined): { primary: string | null; secondary: string | null } {
  if (!fullName) return { primary: null, secondary: null };
  const [primary = '', secondary = ''] = fullName.split(', ');
  return { primary: primary.trim() || null, secondary: secondary.trim() || null };
}

function documentContent(fields: MrzFields | undefined, details: AdditionalDetails): DocumentContent {
  const fullName = splitName(details.fullName);
  const primary = fullName.primary ?? fields?.surname ?? null;
  const secondary = fullName.secondary ?? fields?.givenNames ?? null;
  return {
    dateOfBirth: short(fields?.dateOfBirth),
    fullDateOfBirth: details.fullDateOfBirth ?? fields?.dateOfBirth ?? null,
    dateOfExpiry: short(fields?.dateOfExpiry),
    interpretedDateOfExpiry: fields?.dateOfExpiry ?? null,
    dateOfIssue: details.dateOfIssue ?? null,
    documentCode: fields?.documentCode ?? null,
    documentNumber: fields?.documentNumber ?? null,
    gender: fields?.sex ? genders[fields.sex] : null,
    issuingAuthority: details.issuingAuthority ?? null,
    issuingCountry: fields?.issuingState ?? null,
    nationality: fields?.nationality ?? null,
    nameOfHolder: primary && secondary ? `${primary}, ${secondary}` : primary,
    personalNumber: details.personalNumber ?? (fields?.personalNumber || null),
    placeOfBirth: details.placeOfBirth ?? null,
    primaryIdentifier: primary,
    secondaryIdentifier: secondary,
    mrzPrimaryIdentifier: fields?.surname ?? null,
    mrzSecondaryIdentifier: fields?.givenNames ?? null,
    profession: details.profession ?? null,
    telephone: details.telephone ?? null,
    title: details.title ?? null,
  };
}

/** The face comparison as ReadID reports its iProov match, the chip portrait being the reference. */
export const faceSession = (passed: boolean): IProovSession => ({
  assuranceType: null,
  attempts: 1,
  enrolmentImageSource: 'Chip',
  errorString: null,
  finished: true,
  hasError: false,
  passed,
  riskProfile: null,
});

export function chipSession(
  sessionId: string,
  report: ChipReport,
  face: IProovSession | null,
  today: string,
): ReadIDSession & { chipReport: ChipReport } {
  const fields = report.mrz ? parseMrz(report.mrz, { today }).fields : undefined;
  const content = documentContent(fields, report.details ?? {});
  const consolidated: ConsolidatedIdentityData = {
    chipVerification: report.chipVerification,
    chipCloneDetection: report.chipCloneDetection,
    dateOfBirth: content.dateOfBirth,
    dateOfExpiry: content.dateOfExpiry,
    documentCode: content.documentCode,
    documentNumber: content.documentNumber,
    documentType: content.documentCode,
    gender: content.gender,
    issuingCountry: content.issuingCountry,
    nationality: content.nationality,
    nameOfHolder: content.nameOfHolder,
    personalNumber: content.personalNumber,
    placeOfBirth: content.placeOfBirth,
    primaryIdentifier: content.primaryIdentifier,
    secondaryIdentifier: content.secondaryIdentifier,
  };
  return {
    sessionId,
    consolidatedIdentityData: consolidated,
    documentContent: report.mrz ? content : null,
    iProovSession: face,
    chipReport: report,
  };
}
