/**
 * Every error the API can answer with is one of these codes. The map below is the only place that
 * decides the HTTP status and title of a code, so the wire shape stays consistent everywhere.
 */
export const errorCodes = {
  bad_request: { status: 400, title: 'Bad Request' },
  validation_failed: { status: 400, title: 'Bad Request' },
  invalid_image: { status: 400, title: 'Invalid image' },
  unsupported_for_provider: { status: 400, title: 'Not supported by this provider' },
  missing_authorization: { status: 401, title: 'Missing Authorization header.' },
  malformed_authorization: { status: 401, title: 'Malformed Authorization header.' },
  token_key_not_found: {
    status: 401,
    title: 'The signature of the JWT could not be validated because the key was not found.',
  },
  token_invalid_signature: { status: 401, title: 'The signature of the JWT could not be validated.' },
  token_algorithm_not_allowed: { status: 401, title: 'The JWT is signed with an algorithm that is not allowed.' },
  token_expired: { status: 401, title: 'The JWT has expired.' },
  token_invalid_claims: { status: 401, title: 'The JWT claims are not valid.' },
  unknown_client: { status: 401, title: 'The client of this token does not exist.' },
  not_found: { status: 404, title: 'Not Found' },
  route_not_found: { status: 404, title: 'Not Found' },
  method_not_allowed: { status: 405, title: 'Method Not Allowed' },
  request_timeout: { status: 408, title: 'Request Timeout' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload Too Large' },
  uri_too_long: { status: 414, title: 'URI Too Long' },
  unsupported_media_type: { status: 415, title: 'Unsupported Media Type' },
  expectation_failed: { status: 417, title: 'Expectation Failed' },
  header_fields_too_large: { status: 431, title: 'Request Header Fields Too Large' },
  // Beyond upstream: rate limits and Idempotency-Key (docs/operations.md).
  rate_limited: { status: 429, title: 'Too Many Requests' },
  idempotency_key_reused: { status: 422, title: 'Unprocessable Content' },
  idempotency_in_progress: { status: 409, title: 'Conflict' },
  // The hosted capture flow's own answers (`type` names them for the capture app).
  capture_no_session: { status: 401, title: 'No capture session', type: 'capture:no-session' },
  capture_csrf: { status: 403, title: 'Missing or wrong CSRF token', type: 'capture:csrf' },
  capture_invalid_video: { status: 400, title: 'Invalid video', type: 'capture:invalid-video' },
  capture_link_invalid: { status: 404, title: 'Unknown capture link', type: 'capture:link-invalid' },
  capture_incomplete: { status: 409, title: 'Capture not complete', type: 'capture:incomplete' },
  capture_not_expected: { status: 409, title: 'Not part of this capture', type: 'capture:not-expected' },
  capture_link_expired: { status: 410, title: 'Capture link expired', type: 'capture:link-expired' },
  capture_link_used: { status: 410, title: 'Capture link already used', type: 'capture:link-used' },
  capture_process_finished: { status: 410, title: 'Capture already finished', type: 'capture:process-finished' },
  // The end of a live Connect login (the issuer sent the browser back to the callback).
  connect_callback_invalid: { status: 400, title: 'Unknown login', type: 'login:callback-invalid' },
  connect_callback_used: { status: 409, title: 'Login already finished', type: 'login:callback-used' },
  connect_login_expired: { status: 410, title: 'Login took too long', type: 'login:expired' },
  // The operator console's own answers (`type` names them for the console app).
  console_unauthenticated: { status: 401, title: 'Not signed in', type: 'console:unauthenticated' },
  console_totp_required: { status: 401, title: 'One-time code required', type: 'console:totp-required' },
  console_forbidden: { status: 403, title: 'Forbidden', type: 'console:forbidden' },
  console_csrf: { status: 403, title: 'Missing or wrong CSRF token', type: 'console:csrf' },
  console_locked: { status: 429, title: 'Too many failed sign-ins', type: 'console:locked' },
  // The console's review queue: another reviewer holds the case's claim.
  review_claimed: { status: 409, title: 'Claimed by another reviewer', type: 'review:claimed' },
  internal: { status: 500, title: 'Internal Server Error' },
  unavailable: { status: 503, title: 'Service Unavailable' },
} as const satisfies Record<string, { status: number; title: string; type?: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** An expected failure with a code from the map above and a message safe to show to the caller. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;
  /** Response headers that go with the error (e.g. Retry-After). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: ErrorCode, detail: string, options?: { cause?: unknown; headers?: Record<string, string> }) {
    super(detail, options);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.headers = options?.headers ?? {};
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  get title(): string {
    return errorCodes[this.code].title;
  }
}

export const notFound = (what: string): AppError => new AppError('not_found', `${what} not found.`);
export const conflict = (detail: string): AppError => new AppError('conflict', detail);

/** The upstream error `type`: client problems for 4xx, server problems for 5xx. */
export function errorType(status: number): string {
  return status >= 500 ? 'base:server-problem' : 'base:client-problem';
}

/** The `type` of a code's error body: its own where it has one (capture, console), else by status. */
export function typeOfCode(code: ErrorCode): string {
  const entry: { status: number; type?: string } = errorCodes[code];
  return entry.type ?? errorType(entry.status);
}
