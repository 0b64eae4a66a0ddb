import { invalidProviderResult, type MappingContext } from '../outcome.js';
import { finalResultOf } from './final-result.js';
import { providerSpecificOf } from './provider-specific.js';
import { parsePaperRaw, type PaperDocumentResult } from './raw.js';
import { assertNever } from '../../core/assert-never.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Outcome } from '../../core/domain.js';

/**
 * Paper's documented statuses: accepted when the document was read and verified; rejected when an
 * error was found or a verification failed; inconclusive when a document without MRZ has valid text
 * fields (text fields alone never prove a document valid); failed and canceled from the capture side.
 * Expiry is the vendor's verdict (mrz_verification): the mapping does not second-guess it with today.
 */
export function mapResult(raw: unknown, _context: MappingContext): Outcome {
  const parsed = parsePaperRaw(raw);
  if (typeof parsed === 'string') return invalid(parsed);
  switch (parsed.kind) {
    case 'document':
      return documentOutcome(parsed.result);
    case 'captureFailed':
      // Upstream's failed example carries an empty providerSpecific beside the reason.
      return {
        status: 'failed',
        providerSpecific: {},
        failReason: { type: parsed.reason.type, message: parsed.reason.message },
      };
    case 'captureCanceled':
      return { status: 'canceled' };
    default:
      return assertNever(parsed);
  }
}

function documentOutcome(result: PaperDocumentResult): Outcome {
  const mrz = readMrz(result);
  return {
    status: verified(result) ? verifiedStatus(result) : 'rejected',
    providerSpecific: providerSpecificOf(result),
    // Upstream's rejected example has a finalResult too (read from the MRZ), although the Process schema
    // says finalResult comes with accepted processes only; the example is what the service sends.
    ...(mrz && { finalResult: finalResultOf(mrz) }),
  };
}

/** Whether the vendor reported no error and every check it made passed. */
function verified(result: PaperDocumentResult): boolean {
  const allValid = (checks: Record<string, string> | undefined) =>
    Object.values(checks ?? {}).every((check) => check === 'VALID');
  return (
    result.verification.status &&
    (result.errors ?? []).length === 0 &&
    allValid(result.mrz_checksum) &&
    allValid(result.mrz_verification) &&
    !Object.values(result.features_verification ?? {}).includes('INVALID')
  );
}

function verifiedStatus(result: PaperDocumentResult): FinalStatus {
  switch (result.verification.type) {
    case 'MRZ_FEATURE_COMPARISON':
    case 'MRZ_ONLY':
      return 'accepted';
    case 'FEATURES_ONLY':
      return 'inconclusive';
    default:
      return assertNever(result.verification.type);
  }
}

function readMrz(result: PaperDocumentResult): Record<string, string> | undefined {
  switch (result.verification.type) {
    case 'MRZ_FEATURE_COMPARISON':
    case 'MRZ_ONLY':
      return result.mrz;
    case 'FEATURES_ONLY':
      return undefined;
    default:
      return assertNever(result.verification.type);
  }
}

const invalid = invalidProviderResult;
