import type { FastifyRequest } from 'fastify';
import type { Logger } from '../../logging/logger.js';

/**
 * How a request appears in the access log ("incoming request"): its method and the route's pattern
 * (`/assure/dossiers/:dossierId`), never the URL as sent. Query strings and path segments are the
 * caller's text (a name typed into a search, a reference that is a person's number), and a log line
 * must not carry them; the traceId ties the line to everything else about the request.
 */
function requestForLog(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    route: request.routeOptions?.url ?? '(no route)',
    remoteAddress: request.ip,
  };
}

/** The logger for Fastify: the app's, with the request serializer above (Fastify reads `serializers`). */
export function httpLogger(logger: Logger): Logger {
  return Object.assign(logger.child({}), { serializers: { req: requestForLog } });
}
