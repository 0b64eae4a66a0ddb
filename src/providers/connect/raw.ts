import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * What Signicat's OIDC broker hands Assure at the end of a Connect login: the tokens of a successful
 * authentication, or the error of the authorization response (OIDC core 3.1.2.6). `userInfo` is in the
 * format agreed in the contract: a JSON object, a signed JWT (JWS) or an encrypted JWT (JWE).
 */
const ConnectTokens = Type.Object({
  idToken: Type.String({ minLength: 1 }),
  userInfo: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.String({ minLength: 1 })]),
});

/** The standard OIDC error response; Signicat puts its own `urn:signicat:error:...` codes in the description. */
const OidcError = Type.Object({
  error: Type.String({ minLength: 1 }),
  error_description: Type.Optional(Type.String()),
});

export type ConnectTokens = Static<typeof ConnectTokens>;
export type OidcError = Static<typeof OidcError>;

export type ConnectRaw = { kind: 'authenticated'; tokens: ConnectTokens } | { kind: 'error'; error: OidcError };

/** Reads a raw Connect result; a string says why it is not one. */
export function parseConnectRaw(raw: unknown): ConnectRaw | string {
  // An error response carries no tokens; checked first so that a stray token never hides an error.
  if (Value.Check(OidcError, raw)) return { kind: 'error', error: raw };
  if (Value.Check(ConnectTokens, raw)) return { kind: 'authenticated', tokens: raw };
  return 'The Connect result is neither an OIDC token set (idToken, userInfo) nor an OIDC error (error).';
}
