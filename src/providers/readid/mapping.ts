import type { MappingContext } from '../outcome.js';
import { assertNever } from '../../core/assert-never.js';
import { consolidatedIdentityData, documentContent, finalResult } from './identity.js';
import { iproovPassed, iproovRan, iproovSession } from './iproov.js';
import { parseReadIDSession, type ConsolidatedIdentityData, type IProovSession } from './raw.js';
import type { FinalStatus } from '../../core/process-status.js';
import type { Outcome } from '../../core/domain.js';

/** What the chip checks say, before iProov is considered. */
function chipStatus(data: ConsolidatedIdentityData): FinalStatus {
  switch (data.chipVerification) {
    case 'FAILED':
      return 'rejected';
    case 'NOT_SUPPORTED':
    case 'NOT_CHECKED':
      // The chip's data was not proven authentic, nor found forged.
      return 'inconclusive';
    case 'SUCCEEDED':
      break;
    default:
      return assertNever(data.chipVerification);
  }
  switch (data.chipCloneDetection) {
    case 'SUCCEEDED':
    case 'NOT_SUPPORTED':
      return 'accepted';
    case 'FAILED':
    case 'NOT_CHECKED':
      // Whether the chip is the original could not be established; upstream suggests letting the user retry.
      return 'inconclusive';
    default:
      return assertNever(data.chipCloneDetection);
  }
}

/** iProov can make an accepted chip inconclusive, never rejected: the document itself stays genuine. */
function statusOf(data: ConsolidatedIdentityData, iproov: IProovSession | undefined): FinalStatus {
  const status = chipStatus(data);
  return status === 'accepted' && iproov && !iproovPassed(iproov) ? 'inconclusive' : status;
}

/** The Assure outcome of a ReadID session. Pure and total: malformed input gives `failed`. */
export function mapResult(raw: unknown, context: MappingContext): Outcome {
  const session = parseReadIDSession(raw);
  if (typeof session === 'string') {
    return { status: 'failed', failReason: { type: 'InvalidProviderResult', message: session } };
  }
  const content = session.documentContent ?? undefined;
  const iproov = iproovRan(session.iProovSession) ? session.iProovSession : undefined;
  const consolidated = consolidatedIdentityData(session.consolidatedIdentityData, content, context.today);
  const providerSpecific = {
    consolidatedIdentityData: consolidated,
    ...(content && { documentContent: documentContent(content, context.today) }),
    ...(iproov && { iproovSession: iproovSession(iproov) }),
  };
  const status = statusOf(session.consolidatedIdentityData, iproov);
  if (status !== 'accepted') return { status, providerSpecific };
  return { status, providerSpecific, finalResult: finalResult(consolidated) };
}
