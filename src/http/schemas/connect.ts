import { Type } from 'typebox';
import { StringEnum, Timestamp } from './common.js';

export const ConnectMethodParams = Type.Object({
  method: Type.String({
    maxLength: 64,
    description: 'The method name: what follows `connect:` in a process provider value.',
    examples: ['idin'],
  }),
});

const UserInfoFormat = StringEnum(['json', 'signed', 'encrypted'] as const, {
  description:
    'How the issuer delivers the userinfo: plain JSON, a signed JWT, or a JWT encrypted to the client key ' +
    '(published at `jwksUri`), which is decrypted here.',
});

const Text = (description: string, maxLength = 2048) => Type.String({ minLength: 1, maxLength, description });

export const ConnectMethodRequest = Type.Object(
  {
    issuer: Text('The OpenID Provider issuer identifier; its discovery document is read from it.'),
    clientId: Text('The client id this server logs in with at the issuer.', 512),
    clientSecret: Type.Optional(
      Text('The client secret (client_secret_basic or _post). Stored sealed, never returned.', 1024),
    ),
    privateKeyJwt: Type.Optional(
      Type.Boolean({ description: 'Authenticate with private_key_jwt, signed with the client key at `jwksUri`.' }),
    ),
    scopes: Type.Array(Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$', maxLength: 200 }), {
      maxItems: 50,
      description: 'Scopes to ask for; `openid` is always added.',
    }),
    acrValues: Type.Optional(Text('The acr_values of the authorization request.', 1024)),
    prompt: Type.Optional(StringEnum(['none', 'login', 'consent', 'select_account'] as const)),
    userInfo: UserInfoFormat,
  },
  { additionalProperties: false },
);

export const ConnectMethodResponse = Type.Object({
  method: Type.String(),
  issuer: Type.String(),
  clientId: Type.String(),
  clientSecretSet: Type.Boolean({ description: 'Whether a client secret is stored (it is never returned).' }),
  privateKeyJwt: Type.Boolean(),
  scopes: Type.Array(Type.String()),
  acrValues: Type.Optional(Type.String()),
  prompt: Type.Optional(Type.String()),
  userInfo: UserInfoFormat,
  redirectUri: Type.String({ description: 'The redirect URI to register at the issuer.' }),
  jwksUri: Type.String({
    description: "The client's public keys, to register at the issuer (encryption, private_key_jwt).",
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ConnectMethodList = Type.Array(ConnectMethodResponse);

export const ConnectCallbackQuery = Type.Object({
  state: Type.Optional(Type.String({ maxLength: 512 })),
  code: Type.Optional(Type.String({ maxLength: 4096 })),
  error: Type.Optional(Type.String({ maxLength: 256 })),
  error_description: Type.Optional(Type.String({ maxLength: 2048 })),
});

export const KeySetParams = Type.Object({ keySetId: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }) });
