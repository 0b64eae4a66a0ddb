import type { FastifyInstance, FastifyReply } from 'fastify';
import type { KeyRing } from '../../auth/key-ring.js';
import type { TokenService } from '../../auth/token-service.js';
import { AppError } from '../../core/errors.js';
import type { TokenGuard } from '../../limits/token-guard.js';
import type { ClientService } from '../../services/clients.js';

export interface AuthRouteDeps {
  clients: ClientService;
  tokens: TokenService;
  keys: KeyRing;
  issuer: string;
  /** Slows down and then refuses repeated failures, per client id and per address. */
  guard: TokenGuard;
}

const supportedScopes = ['signicat-api'];
const tokenPath = '/auth/open/connect/token';
const jwksPath = '/auth/open/.well-known/openid-configuration/jwks';

type OAuthError = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

function oauthError(reply: FastifyReply, status: number, error: OAuthError, description: string, basic = false) {
  if (basic) reply.header('www-authenticate', 'Basic realm="openassure", charset="UTF-8"');
  return reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });
}

/** Reads client credentials from HTTP Basic (RFC 6749 2.3.1: form-encoded id and secret) if present. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | null | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header);
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    return {
      id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    return null;
  }
}

/** OAuth 2.0 client credentials, the OpenID configuration and the JWKS. */
export async function authRoutes(app: FastifyInstance, deps: AuthRouteDeps): Promise<void> {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 16 * 1024 },
    (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );

  app.post(
    tokenPath,
    {
      schema: {
        tags: ['Authentication'],
        summary: 'Get an access token (OAuth 2.0 client credentials)',
        operationId: 'getToken',
        consumes: ['application/x-www-form-urlencoded'],
        body: {
          type: 'object',
          properties: {
            grant_type: { type: 'string', enum: ['client_credentials'] },
            client_id: { type: 'string', maxLength: 256 },
            client_secret: { type: 'string', maxLength: 512 },
            scope: { type: 'string', maxLength: 256 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              access_token: { type: 'string' },
              token_type: { type: 'string' },
              expires_in: { type: 'integer' },
              scope: { type: 'string' },
            },
          },
        },
      },
      // The OAuth error format is answered here, not through the Assure error handler.
      attachValidation: true,
    },
    async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, string | undefined>;
      if (form.grant_type !== 'client_credentials') {
        return oauthError(reply, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
      }
      const basic = basicCredentials(request.headers.authorization);
      if (basic === null)
        return oauthError(reply, 401, 'invalid_client', 'The Basic authorization header is malformed.', true);
      if (basic && (form.client_id !== undefined || form.client_secret !== undefined)) {
        return oauthError(
          reply,
          400,
          'invalid_request',
          'Send the client credentials either by HTTP Basic or in the form, not both.',
        );
      }
      const id = basic?.id ?? form.client_id;
      const secret = basic?.secret ?? form.client_secret;
      if (!id || !secret)
        return oauthError(reply, 401, 'invalid_client', 'Client credentials are required.', Boolean(basic));
      const requested = (form.scope ?? supportedScopes.join(' ')).split(' ').filter(Boolean);
      const unknown = requested.filter((scope) => !supportedScopes.includes(scope));
      if (unknown.length > 0) return oauthError(reply, 400, 'invalid_scope', `Unknown scope: ${unknown.join(' ')}.`);

      const refusedFor = await deps.guard.refusedFor(id, request.ip);
      if (refusedFor !== undefined) {
        throw new AppError('rate_limited', `Too many failed token requests; retry after ${refusedFor} s.`, {
          headers: { 'retry-after': String(refusedFor), 'cache-control': 'no-store' },
        });
      }
      const client = await deps.clients.authenticate(id, secret);
      if (!client) {
        await deps.guard.failed(id, request.ip);
        return oauthError(reply, 401, 'invalid_client', 'The client id or secret is not valid.', Boolean(basic));
      }
      await deps.guard.succeeded(id);
      const token = await deps.tokens.issue(client.id, requested.join(' ') || supportedScopes[0]!);
      return reply.header('cache-control', 'no-store').header('pragma', 'no-cache').send(token);
    },
  );

  app.get('/auth/open/.well-known/openid-configuration', { schema: { hide: true } }, async () => ({
    issuer: deps.issuer,
    token_endpoint: `${deps.issuer.replace(/\/auth\/open$/, '')}${tokenPath}`,
    jwks_uri: `${deps.issuer.replace(/\/auth\/open$/, '')}${jwksPath}`,
    grant_types_supported: ['client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: supportedScopes,
    response_types_supported: ['token'],
    token_endpoint_auth_signing_alg_values_supported: ['ES256'],
  }));

  app.get(jwksPath, { schema: { hide: true } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(deps.keys.publicJwks()),
  );
}
