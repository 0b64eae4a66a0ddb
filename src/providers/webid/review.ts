import { toIsoSeconds } from '../../core/time.js';
import type { ReviewDecision } from '../../review/decision.js';
import { defined } from '../normalize.js';
import type { ReviewRule } from '../types.js';
import { parseIdentResponse, type WebIdIdentResponse } from './raw.js';

/**
 * Review of WebID video identifications: the reviewer stands in for WebID's agent in the video call.
 * Every videoid result the engines built waits for a reviewer (the engines never identify anyone on
 * their own); accountid is WebID's self-service identification and is never reviewed here. The decision
 * becomes the ident response WebID sends when the user-action reaches its success or no-success state.
 */
export const webIdReview: ReviewRule = {
  awaitsReviewer(raw, processType) {
    return (processType ?? 'videoid') === 'videoid' && parseIdentResponse(raw).ok;
  },
  extracted(raw) {
    const parsed = parseIdentResponse(raw);
    if (!parsed.ok) return {};
    const { user = {}, idDocument = {} } = parsed.value;
    return nonEmpty({
      firstName: user.firstname ?? user.firstName,
      lastName: user.lastname ?? user.lastName,
      dateOfBirth: user.dateOfBirth,
      gender: user.gender ?? user.sex,
      nationality: idDocument.nationality,
      documentType: idDocument.documentType,
      documentNumber: idDocument.idNumber ?? idDocument.documentNumber,
      dateOfExpiry: idDocument.dateOfExpiry,
      issuingCountry: idDocument.issuingCountry,
    });
  },
  decided(raw, decision) {
    const parsed = parseIdentResponse(raw);
    if (!parsed.ok) return raw;
    return identResponse(parsed.value, decision);
  },
};

function identResponse(ident: WebIdIdentResponse, decision: ReviewDecision): WebIdIdentResponse {
  const { fields } = decision;
  const accepted = decision.verdict === 'accept';
  const at = toIsoSeconds(decision.decidedAt);
  return {
    ...ident,
    actionType: accepted ? 'pass' : 'fail',
    success: accepted,
    // The data the reviewer confirmed is the data the process carries: there is nothing to differ from.
    mismatch: false,
    responseType: 'ident',
    finishedOn: at,
    identMode: 'video_ident',
    agentId: decision.reviewerId,
    identifiedOn: accepted ? at : null,
    ...(!accepted && { rejectionReason: decision.reason.label }),
    user: {
      ...ident.user,
      ...defined({
        firstname: fields.firstName,
        lastname: fields.lastName,
        dateOfBirth: fields.dateOfBirth,
        gender: fields.gender,
      }),
    },
    idDocument: {
      ...ident.idDocument,
      ...defined({
        documentType: fields.documentType,
        idNumber: fields.documentNumber,
        dateOfExpiry: fields.dateOfExpiry,
        nationality: fields.nationality,
        issuingCountry: fields.issuingCountry,
      }),
    },
  };
}

/** WebID writes empty strings for what it does not have; a reviewer sees only what is there. */
function nonEmpty(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '',
    ),
  );
}
