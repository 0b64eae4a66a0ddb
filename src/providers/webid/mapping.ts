import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import type { MappingContext } from '../outcome.js';
import { finalResultOf } from './final-result.js';
import { WebIdIdentResponse, parseIdentResponse, type WebIdIdentResponse as IdentResponse } from './raw.js';
import { assertNever } from '../../core/assert-never.js';
import type { Json, Outcome } from '../../core/domain.js';

/**
 * What WebID's two flags say about the user-action. `success` is whether it reached its success state;
 * `mismatch` whether the data the agent confirmed differs from the data the process was created with.
 */
type Verdict = 'identified' | 'dataMismatch' | 'notIdentified';

const verdictOf = ({ success, mismatch }: IdentResponse): Verdict => {
  if (!success) return 'notIdentified';
  return mismatch ? 'dataMismatch' : 'identified';
};

/**
 * WebID ident response → Assure outcome, the same for videoid and accountid. Pure and total. The
 * ident response is shown as `providerSpecific.identResponse`; finalResult only when accepted.
 */
export function mapResult(raw: unknown, _context: MappingContext): Outcome {
  const parsed = parseIdentResponse(raw);
  if (!parsed.ok) {
    return {
      status: 'failed',
      failReason: { type: 'InvalidProviderResult', message: `Invalid provider result: ${parsed.problem}.` },
    };
  }
  const ident = parsed.value;
  const providerSpecific = { identResponse: identResponseDetails(ident) };
  const verdict = verdictOf(ident);
  switch (verdict) {
    case 'identified': {
      const finalResult = finalResultOf(ident);
      return { status: 'accepted', providerSpecific, ...(Object.keys(finalResult).length > 0 && { finalResult }) };
    }
    // A mismatch identified someone, but not the person the process was created for: the data given is
    // not valid for this person, which is what rejected means (inconclusive would say it might be).
    case 'dataMismatch':
    case 'notIdentified':
      return { status: 'rejected', providerSpecific };
    default:
      return assertNever(verdict);
  }
}

/** The ident response as upstream shows it: known fields only, and no null `identifiedOn`. */
function identResponseDetails(ident: IdentResponse): Json {
  const { identifiedOn, ...details } = Value.Clean(WebIdIdentResponse as TSchema, Value.Clone(ident)) as IdentResponse;
  return typeof identifiedOn === 'string' ? { ...details, identifiedOn } : details;
}
