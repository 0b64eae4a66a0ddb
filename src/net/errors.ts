/** Why an outbound request did not get a response. */
export type SafeFetchErrorKind =
  | 'invalid_url'
  | 'refused_scheme'
  | 'refused_address'
  | 'dns_failed'
  | 'connect_timeout'
  | 'timeout'
  | 'invalid_request'
  | 'connection_failed';

/**
 * An outbound request that failed before a response arrived. The message is safe to store and show to
 * the customer: it names the host or address, never headers, bodies or the query string.
 */
export class SafeFetchError extends Error {
  constructor(
    readonly kind: SafeFetchErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SafeFetchError';
  }
}
