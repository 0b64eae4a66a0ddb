import { randomUUID } from 'node:crypto';
import { mrzRegions, readMrzDocument, type MrzDocument } from '../engine-support/mrz-document.js';
import { looksLive } from '../../engines/face/presentation-attack.js';
import type { EngineContext, EngineResult } from '../types.js';
import type { Breakdown, CheckResult, DocumentReport, FacialSimilarityReport, ReportResult } from './raw.js';

const result = (clear: boolean): ReportResult => (clear ? 'clear' : 'consider');
const breakdown = (clear: boolean): Breakdown => ({ result: result(clear) });

/** Onfido's names for the document types the MRZ can tell apart. */
const onfidoTypes: Record<string, string> = {
  passport: 'passport',
  identityCard: 'national_identity_card',
  driversLicense: 'driving_licence',
  residencePermit: 'residence_permit',
  visa: 'visa',
};

/**
 * Onfido from the built-in engines: the document report's breakdowns the engines can compute (data
 * validation from the MRZ check digits and dates, image integrity from the image checks, age
 * validation, and compromised document from the operator's list), and for documentSelfie the facial
 * similarity report from the face comparison. Breakdowns nothing here can judge (visual authenticity,
 * police record, data comparison) are not run, as Onfido reports a breakdown it did not run.
 */
export async function onfidoEngineBackend(context: EngineContext): Promise<EngineResult> {
  const { images, engines, process } = context;
  const { document, readings } = await readMrzDocument(context);
  const imageChecks = images.front ? await engines.checkImage(images.front, mrzRegions(document)) : undefined;
  const imageIntegrity =
    document !== undefined &&
    imageChecks !== undefined &&
    imageChecks.resolution.passed &&
    imageChecks.blur.passed &&
    imageChecks.glare.passed;
  const reports: CheckResult['reports'] = { document: documentReport(document, imageIntegrity, context) };

  let comparison: Awaited<ReturnType<typeof engines.compareFaces>> | undefined;
  if (process.processType === 'documentSelfie' && images.front && images.selfie) {
    comparison = await engines.compareFaces(images.front, images.selfie);
    reports.facial_similarity_photo = facialReport(comparison);
  }
  const overall = [reports.document, reports.facial_similarity_photo].every((r) => !r || r.result === 'clear');
  const raw: CheckResult = {
    applicant_id: process.externalId ?? process.id,
    check: {
      id: randomUUID(),
      status: 'complete',
      result: result(overall),
      created_at: new Date(context.now).toISOString(),
    },
    reports,
  };
  return { raw, engineOutput: { readings, imageChecks, comparison } };
}

function documentReport(
  document: MrzDocument | undefined,
  imageIntegrity: boolean,
  context: EngineContext,
): DocumentReport {
  const fields = document?.fields;
  const dataValidation =
    document !== undefined && document.reading.valid && document.validation.datesReal && document.validation.notExpired;
  const ofAge = document?.validation.ofAge ?? false;
  const compromised = fields !== undefined && context.compromisedDocumentNumbers.has(fields.documentNumber);
  const report: DocumentReport = {
    id: randomUUID(),
    status: 'complete',
    result: result(dataValidation && imageIntegrity && ofAge && !compromised),
    // Unreadable images and under-age holders are rejections; invalid or compromised data is suspicious.
    sub_result: !imageIntegrity || !ofAge ? 'rejected' : !dataValidation || compromised ? 'suspected' : 'clear',
    breakdown: {
      data_validation: breakdown(dataValidation),
      image_integrity: breakdown(imageIntegrity),
      age_validation: breakdown(ofAge),
      compromised_document: breakdown(!compromised),
    },
  };
  if (!document || !fields) return { ...report, properties: { document_type: 'unknown' } };
  const lines = document.reading.lines;
  return {
    ...report,
    properties: {
      first_name: fields.givenNames,
      last_name: fields.surname,
      gender: fields.sex === 'M' ? 'Male' : fields.sex === 'F' ? 'Female' : null,
      nationality: fields.nationality,
      date_of_birth: fields.dateOfBirth,
      date_of_expiry: fields.dateOfExpiry,
      document_type: onfidoTypes[document.documentType] ?? 'unknown',
      document_numbers: [{ type: 'document_number', value: fields.documentNumber }],
      issuing_country: fields.issuingState,
      mrz_line1: lines[0] ?? null,
      mrz_line2: lines[1] ?? null,
      ...(lines[2] !== undefined && { mrz_line3: lines[2] }),
    },
  };
}

function facialReport(
  comparison: Awaited<ReturnType<EngineContext['engines']['compareFaces']>>,
): FacialSimilarityReport {
  const facesFound = comparison.missingFace === 'none';
  const match = facesFound && comparison.similarityLevel === 'high';
  // visual_authenticity: the selfie's single-frame anti-spoofing and liveness verdict (bench/pad); absent without one.
  const authentic = looksLive(comparison);
  return {
    id: randomUUID(),
    status: 'complete',
    result: result(match && authentic !== false),
    breakdown: {
      face_comparison: breakdown(match),
      image_integrity: breakdown(facesFound && comparison.faces.b === 1),
      ...(authentic !== undefined && { visual_authenticity: breakdown(authentic) }),
    },
    properties: { score: Number(comparison.similarity.toFixed(4)) },
  };
}
