import { assertNever } from '../../core/assert-never.js';
import { toIsoSeconds } from '../../core/time.js';
import type { ReviewDecision } from '../../review/decision.js';
import type { RejectReason } from '../../review/reasons.js';
import { defined } from '../normalize.js';
import type { ReviewRule } from '../types.js';
import { automaticStatus, checksPass, type ReviewPolicy } from './ocr-mapping.js';
import { parseVideoIdResult, type AgentReason, type CompletedVideoId, type ManualApproval } from './raw.js';

/**
 * Review of VideoID identifications (Signicat VideoID and eid): the reviewer stands in for VideoID's
 * agent. Agent-reviewed types wait for a reviewer unless a security check already rejects them;
 * substantial waits only when its automatic rules are inconclusive; substantialFullyAuto never waits.
 * The decision becomes the `manualApproval` record VideoID's agent would have written.
 */
export function videoIdReview(policyOf: (processType: string | null) => ReviewPolicy | undefined): ReviewRule {
  return {
    awaitsReviewer(raw, processType) {
      const completed = completedOf(raw);
      const policy = policyOf(processType);
      if (!completed || policy === undefined) return false;
      switch (policy) {
        case 'agent':
          return checksPass(completed.ocr);
        case 'automatic':
          return automaticStatus(completed.ocr) === 'inconclusive';
        case 'fullyAutomatic':
          return false;
        default:
          return assertNever(policy);
      }
    },
    extracted(raw) {
      const ocr = completedOf(raw)?.ocr;
      if (!ocr) return {};
      return defined({
        firstName: ocr.firstName,
        lastName: ocr.lastName,
        dateOfBirth: ocr.dateOfBirth,
        gender: ocr.gender,
        nationality: ocr.nationality,
        documentType: ocr.documentType,
        documentNumber: ocr.documentNumber,
        dateOfExpiry: ocr.dateOfExpiry,
        issuingCountry: ocr.issuingCountry,
        personalIdentificationNumber: ocr.personalIdentificationNumber,
      });
    },
    decided(raw, decision) {
      const completed = completedOf(raw);
      // Only a completed identification is ever queued; anything else is handed back as it was.
      if (!completed) return raw;
      return { ...completed, manualApproval: manualApproval(completed, decision) };
    },
  };
}

function manualApproval(completed: CompletedVideoId, decision: ReviewDecision): ManualApproval {
  const { fields } = decision;
  const seconds = Math.max(0, Math.round((decision.decidedAt - decision.claimedAt) / 1000));
  return {
    result: decision.verdict === 'accept' ? 'approved' : 'rejected',
    ...(decision.verdict === 'reject' && { rejectionReasons: [agentReason(decision)] }),
    duration: String(seconds),
    ...defined({
      firstName: fields.firstName,
      lastName: fields.lastName,
      dateOfBirth: fields.dateOfBirth,
      gender: fields.gender,
      nationality: fields.nationality,
      documentNumber: fields.documentNumber,
      issuingCountry: fields.issuingCountry,
      dateOfExpiry: fields.dateOfExpiry,
      personalIdentificationNumber: fields.personalIdentificationNumber,
    }),
    videoId: completed.videoId,
    verificationId: decision.decisionId,
    verifierId: decision.reviewerId,
    verificationDate: toIsoSeconds(decision.decidedAt),
  };
}

// VideoID's agents pick dotted reason types; the first two are the ones upstream's examples show.
const agentReasonTypes: Record<RejectReason, string> = {
  documentFraudulent: 'Document.Aspect',
  faceMismatch: 'Photo.DoesNotMatchPerson',
  documentExpired: 'Document.Expired',
  poorQuality: 'Video.Quality',
  promptNotFollowed: 'Liveness.PromptNotFollowed',
  other: 'Other',
};

function agentReason(decision: ReviewDecision): AgentReason {
  const type = agentReasonTypes[decision.reason.code as RejectReason] ?? 'Other';
  return { type, message: decision.reason.label };
}

function completedOf(raw: unknown): CompletedVideoId | undefined {
  const parsed = parseVideoIdResult(raw);
  return parsed.ok && parsed.value.status === 'completed' ? parsed.value : undefined;
}
