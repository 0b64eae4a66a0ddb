import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthenticatedClient, ClientDirectory } from '../../auth/client-directory.js';
import type { TokenService } from '../../auth/token-service.js';
import type { ClientCaller } from '../../core/domain.js';
import { AppError } from '../../core/errors.js';
import { isForeignKeyViolation } from '../../store/constraint-errors.js';

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

const readMethods = new Set(['GET', 'HEAD']);

/**
 * Adds an onRequest hook to this plugin scope: every route needs a valid Bearer access token. For
 * reads, a token and client seen in the last seconds are accepted without awaiting anything, which
 * keeps the per-request cost of authentication near zero on the hot path. Writes always confirm that
 * the client still exists, and a write that loses a race with the client's deletion (its rows fail
 * the foreign key to the client) is answered as an unknown client too, on every node; see
 * ClientDirectory for why.
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
    const isRead = readMethods.has(request.method);
    const knownClientId = isRead ? tokens.verifiedBefore(token) : undefined;
    const knownClient = knownClientId === undefined ? null : clients.remembered(knownClientId);
    if (knownClient) {
      request.caller = knownClient;
      return done();
    }
    authenticate(token, tokens, clients, isRead).then((client) => {
      request.caller = client;
      done();
    }, done);
  });
  app.setErrorHandler(async (error, request) => {
    if (request.caller && isForeignKeyViolation(error) && !(await clients.confirm(request.caller.id))) {
      throw unknownClient();
    }
    // Everything else goes to the server's error handler.
    throw error;
  });
}

const unknownClient = () => new AppError('unknown_client', 'The client this token was issued to no longer exists.');

async function authenticate(
  token: string,
  tokens: TokenService,
  clients: ClientDirectory,
  isRead: boolean,
): Promise<AuthenticatedClient> {
  const clientId = await tokens.verify(token);
  const client = isRead ? await clients.find(clientId) : await clients.confirm(clientId);
  if (!client) throw unknownClient();
  return client;
}
