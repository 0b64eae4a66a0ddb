import { errorCodes, typeOfCode, type ErrorCode } from '../../core/errors.js';
import { systemClock, toIsoSeconds } from '../../core/time.js';

export interface ErrorBody {
  instance: string;
  method: string;
  status: number;
  type: string;
  title: string;
  detail: string;
  timestamp: string;
  traceId: string;
}

/** The upstream error body for a code. */
export function errorBody(
  code: ErrorCode,
  detail: string,
  request: { instance: string; method: string; traceId: string },
): ErrorBody {
  const { status, title } = errorCodes[code];
  return {
    instance: request.instance,
    method: request.method,
    status,
    type: typeOfCode(code),
    title,
    detail,
    timestamp: toIsoSeconds(systemClock.now()),
    traceId: request.traceId,
  };
}

// Unreserved and sub-delimiter characters, ':', '@', '/' and well-formed %-escapes (RFC 3986 path).
const plainPath = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;
const maxEchoedPath = 512;

/**
 * The path of a request URL as error bodies show it (`instance`, and "There is no ... endpoint"), or
 * undefined when it is not a plain path: bytes a browser would never send, broken escapes or a path
 * longer than any route of ours are not repeated back to whoever sent them.
 */
export function echoablePath(url: string): string | undefined {
  const path = url.split('?')[0] ?? '';
  return path.length <= maxEchoedPath && plainPath.test(path) ? path : undefined;
}
