import type { MappingContext } from '../outcome.js';
import {
  acceptedMatchLevel,
  decidingAttempt,
  isScored,
  lowestMatchLevel,
  matching,
  similarityScore,
} from './matching.js';
import { parseFaceTecRaw, type Enrollment, type SecurityChecks } from './raw.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Json, Outcome } from '../../core/domain.js';

const failed = (type: string, message: string): Outcome => ({ status: 'failed', failReason: { type, message } });

/** providerSpecific.liveness: the four security checks (and nothing else FaceTec adds) and FaceTec's verdict. */
function liveness(enrollment: Enrollment, checks: SecurityChecks): Json {
  return {
    faceScanSecurityChecks: {
      auditTrailVerificationCheckSucceeded: checks.auditTrailVerificationCheckSucceeded,
      replayCheckSucceeded: checks.replayCheckSucceeded,
      faceScanLivenessCheckSucceeded: checks.faceScanLivenessCheckSucceeded,
      sessionTokenCheckSucceeded: checks.sessionTokenCheckSucceeded,
    },
    error: enrollment.error,
    success: enrollment.success,
  };
}

const livenessPassed = (enrollment: Enrollment, checks: SecurityChecks) =>
  enrollment.success &&
  !enrollment.error &&
  checks.auditTrailVerificationCheckSucceeded &&
  checks.replayCheckSucceeded &&
  checks.faceScanLivenessCheckSucceeded &&
  checks.sessionTokenCheckSucceeded;

function statusOf(matchLevel: number): FinalStatus {
  if (matchLevel >= acceptedMatchLevel) return 'accepted';
  if (matchLevel >= lowestMatchLevel) return 'inconclusive';
  return 'rejected';
}

/**
 * The Assure outcome of a FaceTec result: a failed liveness check rejects; otherwise the best match
 * level decides (6 and up accepted, 1 to 5 inconclusive, 0 rejected). Pure and total.
 */
export function mapResult(raw: unknown, _context: MappingContext): Outcome {
  const parsed = parseFaceTecRaw(raw);
  if (typeof parsed === 'string') return failed('InvalidProviderResult', parsed);
  const { enrollment, matches } = parsed;
  if (enrollment.error) {
    return failed(
      'FaceTecError',
      `FaceTec could not process the face scan: ${enrollment.errorMessage ?? 'no reason given'}`,
    );
  }
  const checks = enrollment.faceScanSecurityChecks;
  if (!checks) return failed('InvalidProviderResult', 'The FaceTec enrollment has no faceScanSecurityChecks.');

  const deciding = decidingAttempt(matches.filter(isScored));
  const providerSpecific = {
    liveness: liveness(enrollment, checks),
    ...(matches.length > 0 && { matching: matching(matches, deciding) }),
  };
  if (!livenessPassed(enrollment, checks)) return { status: 'rejected', providerSpecific };
  if (matches.length === 0) {
    return failed('InvalidProviderResult', 'The face scan passed liveness, but FaceTec made no match attempt.');
  }
  if (!deciding) {
    const reason = matches.at(-1)?.errorMessage ?? 'no reason given';
    return failed('FaceTecError', `FaceTec could not match the face scan with the image: ${reason}`);
  }
  const status = statusOf(deciding.matchLevel);
  if (status !== 'accepted') return { status, providerSpecific };
  // Upstream writes livenessDetected as the string "true" in every example, though its schema says boolean.
  const finalResult = { livenessDetected: 'true', similarityScore: similarityScore(deciding.matchLevel) };
  return { status, providerSpecific, finalResult };
}
