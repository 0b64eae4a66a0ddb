import { invalidProviderResult, type MappingContext } from '../outcome.js';
import { defined } from '../normalize.js';
import { assertNever } from '../../core/assert-never.js';
import { documentIdentity, documentVerification } from './document-verification.js';
import { documentVerdict, type DocumentVerdict } from './document-verdict.js';
import { apiFailReason } from './fail-reason.js';
import { facesMatch, facialSimilarity, reportSimilarityScore } from './facial-similarity.js';
import { parseOnfidoRaw, type CheckResult, type DocumentReport, type FacialSimilarityReport } from './raw.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Json, Outcome } from '../../core/domain.js';

const invalid = invalidProviderResult;

/**
 * The face report a process type relies on: none for `document` (Onfido is not asked for one, and
 * one that is there anyway does not count), the video report for `documentVideo`, else the photo one.
 */
function faceReportName(processType: string | null) {
  if (processType === 'document') return undefined;
  return processType === 'documentVideo' ? 'facial_similarity_video' : 'facial_similarity_photo';
}

/** The Assure outcome of an Onfido result. Pure and total: malformed input gives `failed`. */
export function mapResult(raw: unknown, context: MappingContext): Outcome {
  const parsed = parseOnfidoRaw(raw);
  if (typeof parsed === 'string') return invalid(parsed);
  switch (parsed.kind) {
    case 'check':
      return mapCheck(parsed.result, context);
    case 'userExit':
      // No check was ever created, so there is nothing Onfido-specific to report.
      return { status: 'canceled' };
    case 'sdkError':
      return { status: 'failed', failReason: { type: parsed.error.type, message: parsed.error.message } };
    case 'apiError':
      return { status: 'failed', failReason: apiFailReason(parsed.error) };
    default:
      return assertNever(parsed);
  }
}

function mapCheck(result: CheckResult, context: MappingContext): Outcome {
  const { check } = result;
  switch (check.status) {
    case 'complete':
      return mapCompleteCheck(result, context);
    case 'withdrawn':
      return { status: 'canceled', providerSpecific: completedReports(result, context) };
    case 'in_progress':
    case 'awaiting_applicant':
    case 'paused':
    case 'reopened':
      return invalid(
        `The Onfido check ${check.id} is ${check.status}: only a complete or withdrawn check is a result.`,
      );
    default:
      return assertNever(check.status);
  }
}

const isComplete = <T extends DocumentReport | FacialSimilarityReport>(report: T | undefined) =>
  report?.status === 'complete' && report.result !== null && report.result !== undefined ? report : undefined;

/** providerSpecific of what Onfido finished, e.g. for a check withdrawn halfway. */
function completedReports(result: CheckResult, context: MappingContext): Json {
  const document = isComplete(result.reports.document);
  const faceName = faceReportName(context.processType);
  const face = faceName ? isComplete(result.reports[faceName]) : undefined;
  return {
    ...(document && { documentVerification: documentVerification(document) }),
    ...(face && { facialSimilarity: facialSimilarity(face) }),
  };
}

function mapCompleteCheck(result: CheckResult, context: MappingContext): Outcome {
  const document = isComplete(result.reports.document);
  if (!document?.result) {
    return invalid(`The complete Onfido check ${result.check.id} has no completed document report.`);
  }
  const faceName = faceReportName(context.processType);
  const face = faceName ? isComplete(result.reports[faceName]) : undefined;
  if (faceName && !face) {
    return invalid(`The complete Onfido check ${result.check.id} has no completed ${faceName} report.`);
  }
  const status = statusOf(documentVerdict(document, document.result), face);
  const providerSpecific = completedReports(result, context);
  if (status !== 'accepted') return { status, providerSpecific };
  return { status, providerSpecific, finalResult: finalResult(document, face) };
}

/** Upstream's table: the document decides first; then, where a face was compared, the faces. */
function statusOf(verdict: DocumentVerdict, face: FacialSimilarityReport | undefined): FinalStatus {
  switch (verdict) {
    case 'invalid':
      return 'rejected';
    case 'suspicious':
      return 'inconclusive';
    case 'valid':
      return face === undefined || facesMatch(face) ? 'accepted' : 'inconclusive';
    default:
      return assertNever(verdict);
  }
}

/** The normalised summary of an accepted check; the similarity score only where faces were compared. */
function finalResult(document: DocumentReport, face: FacialSimilarityReport | undefined): Json {
  const identity = documentIdentity(document.properties);
  return defined({
    firstName: identity.firstName,
    lastName: identity.lastName,
    gender: identity.gender,
    nationality: identity.nationality,
    dateOfBirth: identity.dateOfBirth,
    placeOfBirth: identity.placeOfBirth,
    documentType: identity.documentType === 'unknown' ? undefined : identity.documentType,
    documentNumber: identity.documentNumber,
    personalIdentificationNumber: identity.personalIdentificationNumber,
    dateOfExpiry: identity.dateOfExpiry,
    dateOfIssue: identity.dateOfIssue,
    issuingCountry: identity.issuingCountry,
    similarityScore: face && reportSimilarityScore(face),
  });
}
