import { findCountry } from '../../core/countries.js';
import type { VizReading } from '../../engines/viz/index.js';
import { readMrzDocument, type MrzDocument } from '../engine-support/mrz-document.js';
import { normalizeCountry } from '../normalize.js';
import type { EngineContext, EngineResult } from '../types.js';
import { compareFeatures, vizSource, type FeatureComparison } from './feature-comparison.js';
import type { PaperDocumentResult } from './raw.js';

const verdict = (ok: boolean | undefined) => (ok === false ? 'INVALID' : 'VALID');

/**
 * Signicat Paper from the built-in engines: the MRZ read from the front (or the back), its check
 * digits and field validation, and the printed fields of the data page compared with the MRZ
 * (MRZ_FEATURE_COMPARISON), in Paper's own result shape. UNIV passports, and documents whose printed
 * fields could not be read, are MRZ_ONLY; the engine output says why.
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
  const { comparison, output } = await readFeatures(document, context);
  return { raw: paperResult(document, context, comparison), engineOutput: { readings, viz: output } };
}

/** The printed fields compared with the MRZ, and what the engine output keeps of the attempt. */
async function readFeatures(
  document: MrzDocument,
  context: EngineContext,
): Promise<{ comparison: FeatureComparison | undefined; output: object }> {
  const source = vizSource(document, context);
  if (typeof source === 'string') return { comparison: undefined, output: { verification: 'MRZ_ONLY', why: source } };
  let reading: VizReading;
  try {
    reading = await context.engines.readVisualZone(source.image, document.reading, { mrzOnImage: source.mrzOnImage });
  } catch (error) {
    // The MRZ result stands on its own: a page the VIZ engine cannot process leaves it MRZ_ONLY.
    const why = `the printed fields could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return { comparison: undefined, output: { verification: 'MRZ_ONLY', why } };
  }
  const comparison = compareFeatures(reading);
  if (typeof comparison === 'string') {
    return { comparison: undefined, output: { verification: 'MRZ_ONLY', why: comparison, reading } };
  }
  return { comparison, output: { verification: 'MRZ_FEATURE_COMPARISON', reading } };
}

function paperResult(
  document: MrzDocument,
  context: EngineContext,
  comparison: FeatureComparison | undefined,
): PaperDocumentResult {
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
  if (comparison) errors.push(...comparison.errors);

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
    verification: { type: comparison ? 'MRZ_FEATURE_COMPARISON' : 'MRZ_ONLY', status: errors.length === 0 },
    ...(comparison && { features: comparison.features }),
    mrz,
    mrz_checksum: mrzChecksum,
    mrz_verification: mrzVerification,
    ...(comparison && { mrz_feature_matching: comparison.matching }),
    ...(errors.length > 0 && { errors }),
  };
}

/** The country codes a process may name an issuing state by: alpha-3 (as the MRZ has it) or alpha-2. */
function codesOf(issuingState: string): string[] {
  const alpha3 = normalizeCountry(issuingState);
  const alpha2 = alpha3 === undefined ? undefined : findCountry(alpha3)?.alpha2;
  return [issuingState, alpha3, alpha2].filter((code): code is string => code !== undefined);
}
