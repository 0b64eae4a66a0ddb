import { Value } from 'typebox/value';
import { invalidProviderResult, type MappingContext } from '../outcome.js';
import { finalResultOf } from './final-result.js';
import { documentSchema, parsePictureIdRaw, selfieSchema, type PictureIdCompleted } from './raw.js';
import { rejectionReason } from './status-reasons.js';
import { assertNever } from '../../core/assert-never.js';
import type { Json, Outcome } from '../../core/domain.js';

/**
 * PictureID's status follows its security checks: accepted when all pass (and, for documentSelfie, the
 * selfie matches the document photo with a high similarity), rejected with the reason otherwise. An
 * expired transaction fails, an end-user cancel cancels. finalResult comes with accepted processes only.
 */
export function mapResult(raw: unknown, context: MappingContext): Outcome {
  const parsed = parsePictureIdRaw(raw);
  if (typeof parsed === 'string') return invalid(parsed);
  switch (parsed.status) {
    case 'COMPLETED':
      // documentSelfie is the default process type, so only an explicit document process skips the selfie.
      return completed(parsed, context.processType !== 'document');
    case 'EXPIRED':
      // Upstream's expired example gives the vendor's detail as the whole failReason.
      return { status: 'failed', failReason: { detail: parsed.detail } };
    case 'CANCELED':
      return { status: 'canceled' };
    case 'FAILED':
      return { status: 'failed', failReason: { type: parsed.error.type, message: parsed.error.message } };
    default:
      return assertNever(parsed);
  }
}

function completed(result: PictureIdCompleted, withSelfie: boolean): Outcome {
  const providerSpecific = providerSpecificOf(result);
  const reason = rejectionReason(result.document, withSelfie);
  if (reason) return { status: 'rejected', statusReasons: [reason], providerSpecific };
  const match = result.document.securityChecks.selfieAndDocumentMatch;
  const similarity = withSelfie && match && 'similarityLevel' in match ? match.similarityLevel : undefined;
  return { status: 'accepted', finalResult: finalResultOf(result.document, similarity), providerSpecific };
}

/** The transaction as upstream shows it, limited to the fields upstream documents. */
function providerSpecificOf(result: PictureIdCompleted): Json {
  return {
    document: Value.Clean(documentSchema, structuredClone(result.document)) as Json,
    ...(result.selfie && { selfie: Value.Clean(selfieSchema, structuredClone(result.selfie)) as Json }),
  };
}

const invalid = invalidProviderResult;
