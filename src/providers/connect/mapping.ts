import { invalidProviderResult, type MappingContext } from '../outcome.js';
import { finalResultOf } from './final-result.js';
import { parseConnectRaw, type ConnectTokens, type OidcError } from './raw.js';
import { readUserInfo, type UserInfo } from './user-info.js';
import { assertNever } from '../../core/assert-never.js';
import type { Outcome } from '../../core/domain.js';

/**
 * Connect's status comes straight from the authentication: tokens mean accepted, an OIDC error means
 * rejected, or canceled when Signicat says the end-user aborted. Connect is never inconclusive.
 */
export function mapResult(raw: unknown, _context: MappingContext): Outcome {
  const parsed = parseConnectRaw(raw);
  if (typeof parsed === 'string') return invalid(parsed);
  switch (parsed.kind) {
    case 'authenticated':
      return authenticated(parsed.tokens);
    case 'error':
      return {
        status: isUserCancel(parsed.error) ? 'canceled' : 'rejected',
        providerSpecific: { error: errorOf(parsed.error) },
      };
    default:
      return assertNever(parsed);
  }
}

function authenticated(tokens: ConnectTokens): Outcome {
  const userInfo = readUserInfo(tokens.userInfo);
  if (typeof userInfo === 'string') return invalid(userInfo);
  const finalResult = finalResultFrom(userInfo);
  return {
    status: 'accepted',
    providerSpecific: { idToken: tokens.idToken, userInfo: tokens.userInfo },
    ...(finalResult && { finalResult }),
  };
}

function finalResultFrom(userInfo: UserInfo) {
  switch (userInfo.format) {
    case 'json':
    case 'jws':
      return finalResultOf(userInfo.claims);
    case 'jwe':
      // Encrypted for the customer: Assure cannot read it, so there is no finalResult (documented).
      return undefined;
    default:
      return assertNever(userInfo);
  }
}

/** Signicat reports an end-user abort as `urn:signicat:error:usercancel` inside the description. */
function isUserCancel(error: OidcError): boolean {
  const codes: readonly string[] = error.error_description?.match(/urn:signicat:error:[A-Za-z0-9:._-]+/g) ?? [];
  return codes.includes('urn:signicat:error:usercancel');
}

/** Upstream shows the OIDC error with the description renamed to camel case. */
function errorOf(error: OidcError) {
  return {
    error: error.error,
    ...(error.error_description !== undefined && { errorDescription: error.error_description }),
  };
}

const invalid = invalidProviderResult;
