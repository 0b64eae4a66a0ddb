import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { invalidProviderResult } from '../outcome.js';
import {
  ManualApproval,
  OcrAnalysis,
  VideoIdError,
  parseVideoIdResult,
  type CompletedVideoId,
  type OcrAnalysis as Ocr,
} from './raw.js';
import { assertNever } from '../../core/assert-never.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Json, Outcome } from '../../core/domain.js';

/**
 * The VideoID rules, shared by `signicatvideoid` and `eid` (the same service under two names). Each
 * provider only says which review policy its process types follow.
 *
 * - any security check not valid: rejected, whatever the policy;
 * - `automatic` (substantial): a similarity other than high, or a feature not found, is inconclusive;
 *   where a reviewer of this server then decided (a manual approval is present), that decision stands;
 * - `fullyAutomatic` (substantialFullyAuto): never inconclusive; a similarity other than high is
 *   rejected and features are not considered (upstream accepts one with "OVI 1" not found);
 * - `agent` (high, eid attended/unattended): the agent's manual approval decides.
 *
 * Upstream's VideoID and eid examples carry no finalResult, even when accepted, so none is produced.
 */
export type ReviewPolicy = 'agent' | 'automatic' | 'fullyAutomatic';

export function mapVideoIdResult(raw: unknown, policy: ReviewPolicy): Outcome {
  const parsed = parseVideoIdResult(raw);
  if (!parsed.ok) return invalidProviderResult(`Invalid provider result: ${parsed.problem}.`);
  const result = parsed.value;
  switch (result.status) {
    case 'failed':
      return { status: 'failed', failReason: clean(VideoIdError, result.error) };
    case 'completed':
      return completedOutcome(result, policy);
    default:
      return assertNever(result);
  }
}

function completedOutcome(result: CompletedVideoId, policy: ReviewPolicy): Outcome {
  const ocr = ocrDetails(result.ocr);
  switch (policy) {
    case 'automatic': {
      const status = automaticStatus(result.ocr);
      const approval = result.manualApproval;
      if (status !== 'inconclusive' || approval === undefined) return { status, providerSpecific: { ocr } };
      return {
        status: approval.result === 'approved' ? 'accepted' : 'rejected',
        providerSpecific: { ocr, manualApproval: manualApprovalDetails(approval) },
      };
    }
    case 'fullyAutomatic':
      return { status: fullyAutomaticStatus(result.ocr), providerSpecific: { ocr } };
    case 'agent': {
      const approval = result.manualApproval;
      if (approval === undefined) {
        // An invalid check rejects before any agent looks at the video; otherwise the decision is missing.
        if (!checksPass(result.ocr)) return { status: 'rejected', providerSpecific: { ocr } };
        return invalidProviderResult(
          'Invalid provider result: the process type is reviewed by an agent but the manual approval is missing.',
        );
      }
      const status: FinalStatus = checksPass(result.ocr) && approval.result === 'approved' ? 'accepted' : 'rejected';
      return { status, providerSpecific: { ocr, manualApproval: manualApprovalDetails(approval) } };
    }
    default:
      return assertNever(policy);
  }
}

export function automaticStatus(ocr: Ocr): FinalStatus {
  if (!checksPass(ocr)) return 'rejected';
  return faceMatches(ocr) && ocr.features.every((feature) => feature.found) ? 'accepted' : 'inconclusive';
}

function fullyAutomaticStatus(ocr: Ocr): FinalStatus {
  return checksPass(ocr) && faceMatches(ocr) ? 'accepted' : 'rejected';
}

// The OCR's own liveness verdict counts as a check: a "false" there must never be accepted, even if the
// matching security check were missing from the record.
export const checksPass = (ocr: Ocr): boolean =>
  ocr.livenessDetected !== 'false' && Object.values(ocr.securityChecks).every((check) => check.valid);

const faceMatches = (ocr: Ocr): boolean => ocr.similarityScore === 'high';

/** The OCR as upstream shows it: documented fields only; a feature that was not found has no position. */
function ocrDetails(ocr: Ocr): Json {
  const details = clean(OcrAnalysis, ocr) as Ocr;
  const features = details.features.map(({ bbox, ...feature }) =>
    feature.found && bbox ? { ...feature, bbox } : feature,
  );
  return { ...details, features };
}

/** The agent's review as upstream shows it: the verdict is the status, reasons only on a rejection. */
function manualApprovalDetails(approval: ManualApproval): Json {
  const { result, rejectionReasons, ...rest } = clean(ManualApproval, approval) as ManualApproval;
  return result === 'rejected' && rejectionReasons ? { ...rest, rejectionReasons } : rest;
}

/** A copy holding only the schema's properties, so vendor extras never reach the API response. */
function clean(schema: TSchema, value: object): Json {
  return Value.Clean(schema, Value.Clone(value)) as Json;
}
