import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** The parts of an OpenID Provider's discovery document (OpenID Connect Discovery 1.0 §3) used here. */
const IssuerMetadataSchema = Type.Object({
  issuer: Type.String({ minLength: 1 }),
  authorization_endpoint: Type.String({ minLength: 1 }),
  token_endpoint: Type.String({ minLength: 1 }),
  jwks_uri: Type.String({ minLength: 1 }),
  userinfo_endpoint: Type.Optional(Type.String({ minLength: 1 })),
  token_endpoint_auth_methods_supported: Type.Optional(Type.Array(Type.String())),
  id_token_signing_alg_values_supported: Type.Optional(Type.Array(Type.String())),
  code_challenge_methods_supported: Type.Optional(Type.Array(Type.String())),
});

export type IssuerMetadata = Static<typeof IssuerMetadataSchema>;

/** The discovery document, or why it is unusable for this issuer. */
export function readIssuerMetadata(issuer: string, value: unknown): IssuerMetadata | string {
  if (!Value.Check(IssuerMetadataSchema, value)) {
    return 'The discovery document lacks issuer, authorization_endpoint, token_endpoint or jwks_uri.';
  }
  // Discovery §4.3: the document's issuer must be exactly the one asked for (mix-up and impersonation).
  if (value.issuer !== issuer) return `The discovery document names issuer ${value.issuer}, not ${issuer}.`;
  for (const url of [value.authorization_endpoint, value.token_endpoint, value.jwks_uri, value.userinfo_endpoint]) {
    if (url !== undefined && !isHttpUrl(url)) return `The discovery document has an endpoint that is not a URL: ${url}`;
  }
  return value;
}

/** Token endpoint authentication methods this relying party can use, in order of preference. */
export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt';

/** The method to authenticate at the token endpoint with, or undefined when the issuer takes none we have. */
export function clientAuthMethodFor(
  metadata: IssuerMetadata,
  credentials: { secret: boolean; privateKeyJwt: boolean },
): ClientAuthMethod | undefined {
  // Discovery §3: when the issuer does not say, client_secret_basic is the default.
  const supported = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const wanted: ClientAuthMethod[] = credentials.privateKeyJwt
    ? ['private_key_jwt']
    : credentials.secret
      ? ['client_secret_basic', 'client_secret_post']
      : [];
  return wanted.find((method) => supported.includes(method));
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
