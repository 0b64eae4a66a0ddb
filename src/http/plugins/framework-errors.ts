import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorCodes, type ErrorCode } from '../../core/errors.js';
import { newTraceId } from '../../core/ids.js';
import type { Logger } from '../../logging/logger.js';
import { echoablePath, errorBody } from './error-body.js';

/**
 * Errors the router raises before any route runs (Fastify's `frameworkErrors`): a path with a broken
 * %-escape, or a path parameter longer than `maxParamLength`. The body does not repeat the path.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [code, detail]: [ErrorCode, string] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? ['uri_too_long', 'A path parameter of this URL is longer than any valid value.']
      : ['bad_request', 'The request URL is not valid: it has a malformed %-escape.'];
  const body = errorBody(code, detail, { instance: '', method: request.method, traceId: request.id });
  reply
    .code(body.status)
    .header('x-trace-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .type('application/json; charset=utf-8')
    .send(body);
}

const parserErrors: Record<string, { code: ErrorCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: { code: 'header_fields_too_large', detail: 'The request headers are over 16 KB in total.' },
  ERR_HTTP_REQUEST_TIMEOUT: { code: 'request_timeout', detail: 'The request did not arrive in time.' },
};
const notHttp = { code: 'bad_request', detail: 'The request is not valid HTTP/1.1.' } as const;

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (the server's `clientError` event): NUL
 * or other bytes not allowed in a URL or header, a malformed request line or Content-Length, headers
 * over the size limit. Answered in the upstream shape; the parser leaves no trustworthy path or
 * method, so `instance` and `method` are empty, and only the parser's error code is logged, never
 * the bytes (they may hold credentials).
 */
export function clientErrorHandler(logger: Logger) {
  return (error: NodeJS.ErrnoException, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { code, detail } = (error.code !== undefined && parserErrors[error.code]) || notHttp;
    const traceId = newTraceId();
    logger.info({ traceId, parserError: error.code }, 'refused a request the HTTP parser could not read');
    if (socket.writable) {
      const { status } = errorCodes[code];
      const body = JSON.stringify(errorBody(code, detail, { instance: '', method: '', traceId }));
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
          'content-type: application/json; charset=utf-8\r\n' +
          `content-length: ${Buffer.byteLength(body)}\r\n` +
          `x-trace-id: ${traceId}\r\n` +
          'x-content-type-options: nosniff\r\n' +
          'connection: close\r\n\r\n' +
          body,
      );
    }
    socket.destroy(error);
  };
}

/**
 * Node answers an `Expect` header other than `100-continue` with a bare 417 unless someone listens
 * to `checkExpectation`; this listener answers it in the upstream shape.
 */
export function expectationFailed(request: IncomingMessage, response: ServerResponse): void {
  const traceId = newTraceId();
  const body = JSON.stringify(
    errorBody('expectation_failed', 'Only the Expect value 100-continue is supported.', {
      instance: echoablePath(request.url ?? '') ?? '',
      method: request.method ?? '',
      traceId,
    }),
  );
  response.writeHead(errorCodes.expectation_failed.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-trace-id': traceId,
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  response.end(body);
}
