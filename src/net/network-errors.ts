import { SafeFetchError } from './errors.js';

const timeouts = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const dnsFailures = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA']);

/**
 * A failure from undici or the socket as a SafeFetchError. Only the error's code goes into the message:
 * undici's own messages may quote request details, and these texts are stored and shown to customers.
 */
export function describeNetworkError(error: unknown, host: string, connectTimeoutMs: number): SafeFetchError {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof SafeFetchError) return cause;
  }
  const code = codeOf(error);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new SafeFetchError('connect_timeout', `Could not connect to ${host} within ${connectTimeoutMs} ms.`);
  }
  if (timeouts.has(code)) return new SafeFetchError('timeout', `${host} did not answer in time (${code}).`);
  if (dnsFailures.has(code)) return new SafeFetchError('dns_failed', `Could not resolve ${host} (${code}).`);
  if (code === 'UND_ERR_INVALID_ARG') {
    return new SafeFetchError('invalid_request', 'The request is not valid HTTP (e.g. a header value).');
  }
  return new SafeFetchError('connection_failed', `The connection to ${host} failed (${code}).`, { cause: error });
}

function codeOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return typeof code === 'string' ? code : error.name;
  }
  return 'unknown error';
}
