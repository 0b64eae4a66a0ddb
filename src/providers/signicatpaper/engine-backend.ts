import { findCountry } from '../../core/countries.js';
import { readMrzDocument, type MrzDocument } from '../engine-support/mrz-document.js';
import { normalizeCountry } from '../normalize.js';
import type { EngineContext, EngineResult } from '../types.js';
import type { PaperDocumentResult } from './raw.js';

const verdict = (ok: boolean | undefined) => (ok === false ? 'INVALID' : 'VALID');

/**
 * Signicat Paper from the built-in engines: the MRZ read from the front (or the back), its check
 * digits and field validation, in Paper's own result shape. The visual zone is not read here, so the
 * verification type is MRZ_ONLY (upstream's UNIV passports are MRZ-only by definition).
 */
export async function paperEngineBackend(context: EngineContext): Promise<EngineResult> {
  const { document, readings } = await readMrzDocument(context);
  if (!document) {
    return {
      raw: {
        event: 'captureFailed',
        reason: { type: 'DocumentNotRead', message: 'No machine-readable zone could be read on the document images.' },
      },
      engineOutput: { readings },
    };
  }
  return { raw: paperResult(document, context), engineOutput: { readings } };
}

function paperResult(document: MrzDocument, context: EngineContext): PaperDocumentResult {
  const { fields, validation, reading } = document;
  const { documentType, documentCountry } = context.process;
  const errors: string[] = [];
  const invalid = (field: string, why: string, value: string | null) =>
    errors.push(`Invalid ${field}: ${why}, value ${value ?? ''}`);

  const checks = reading.checks;
  const mrzChecksum: Record<string, string> = {};
  for (const [name, field, value] of [
    ['date_of_expiry', checks.dateOfExpiry, fields.dateOfExpiry],
    ['document_number', checks.documentNumber, fields.documentNumber],
    ['date_of_birth', checks.dateOfBirth, fields.dateOfBirth],
    ['personal_number', checks.personalNumber, fields.personalNumber ?? null],
  ] as const) {
    if (field === undefined) continue;
    mrzChecksum[name] = verdict(field);
    if (!field) invalid(name, 'checksum does NOT match', value);
  }
  if (checks.composite === false) invalid('mrz', 'composite checksum does NOT match', reading.lines.join(''));

  // The document must be what the process was created for (any ICAO passport for UNIV).
  const typeMatches = documentType === null || document.documentType === documentType;
  const countryMatches =
    documentCountry === null || documentCountry === 'UNIV' || codesOf(fields.issuingState).includes(documentCountry);
  const mrzVerification = {
    date_of_expiry: verdict(validation.notExpired),
    document_type: verdict(typeMatches),
    issuing_country: verdict(validation.knownIssuingState && countryMatches),
    date_of_birth: verdict(validation.datesReal && fields.dateOfBirth !== null),
  };
  if (!validation.notExpired) invalid('date_of_expiry', 'NOT in the future', fields.dateOfExpiry);
  if (!typeMatches) invalid('document_type', `NOT a ${documentType}`, document.documentType);
  if (!countryMatches || !validation.knownIssuingState)
    invalid('issuing_country', 'NOT the expected country', fields.issuingState);
  if (fields.dateOfBirth === null) invalid('date_of_birth', 'NOT a real date', null);
  // Characters no check digit protects (names, nationality) read without confidence make the reading unsafe.
  if (!reading.valid && errors.length === 0)
    errors.push(`Invalid mrz: ${reading.problems.join('; ') || 'not read with confidence'}`);

  const mrz: Record<string, string> = {
    first_name: fields.givenNames,
    last_name: fields.surname,
    ...(fields.dateOfExpiry && { date_of_expiry: fields.dateOfExpiry }),
    ...(fields.nationality && { nationality: fields.nationality }),
    ...(fields.sex && fields.sex !== 'X' && { gender: fields.sex }),
    document_type: document.documentType,
    issuing_country: fields.issuingState,
    document_number: fields.documentNumber,
    ...(fields.dateOfBirth && { date_of_birth: fields.dateOfBirth }),
    ...(fields.personalNumber && { personal_number: fields.personalNumber }),
  };
  return {
    verification: { type: 'MRZ_ONLY', status: errors.length === 0 },
    mrz,
    mrz_checksum: mrzChecksum,
    mrz_verification: mrzVerification,
    ...(errors.length > 0 && { errors }),
  };
}

/** The country codes a process may name an issuing state by: alpha-3 (as the MRZ has it) or alpha-2. */
function codesOf(issuingState: string): string[] {
  const alpha3 = normalizeCountry(issuingState);
  const alpha2 = alpha3 === undefined ? undefined : findCountry(alpha3)?.alpha2;
  return [issuingState, alpha3, alpha2].filter((code): code is string => code !== undefined);
}
