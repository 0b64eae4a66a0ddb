import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedClient, ClientDirectory } from '../../auth/client-directory.js';
import type { TokenService } from '../../auth/token-service.js';
import type { ClientCaller } from '../../core/domain.js';
import { AppError } from '../../core/errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    caller: AuthenticatedClient | null;
  }
}

/** The authenticated client of a request under `requireBearerToken`, as the services' caller. */
export function callerOf(request: FastifyRequest): ClientCaller {
  if (!request.caller) throw new Error('callerOf() used on a route without requireBearerToken.');
  return { kind: 'client', clientId: request.caller.id, environment: request.caller.environment };
}

const bearer = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+) *$/i;

/**
 * Adds an onRequest hook to this plugin scope: every route needs a valid Bearer access token. A token
 * and client seen in the last seconds are accepted without awaiting anything, which keeps the
 * per-request cost of authentication near zero on the hot path.
 */
export function requireBearerToken(app: FastifyInstance, tokens: TokenService, clients: ClientDirectory): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const header = request.headers.authorization;
    if (header === undefined || header.trim() === '') {
      return done(new AppError('missing_authorization', 'Please provide a valid Bearer authentication.'));
    }
    const match = bearer.exec(header);
    if (!match) return done(new AppError('malformed_authorization', 'Please provide a valid Bearer authentication.'));
    const token = match[1]!;
    const knownClientId = tokens.verifiedBefore(token);
    const knownClient = knownClientId === undefined ? null : clients.remembered(knownClientId);
    if (knownClient) {
      request.caller = knownClient;
      return done();
    }
    authenticate(token, tokens, clients).then((client) => {
      request.caller = client;
      done();
    }, done);
  });
}

async function authenticate(
  token: string,
  tokens: TokenService,
  clients: ClientDirectory,
): Promise<AuthenticatedClient> {
  const client = await clients.find(await tokens.verify(token));
  if (!client) throw new AppError('unknown_client', 'The client this token was issued to no longer exists.');
  return client;
}
