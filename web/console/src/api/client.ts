import type { ErrorBody, Session, SignInOptions } from './types';

/** Where the console API lives; binary links (images, zip, CSV) are built on it too. */
export const API = '/console/api';

/** Single sign-on starts with a full-page visit: the server sends the browser on to the identity provider. */
export const SSO_START = `${API}/sso/start`;

/** A failed call: the HTTP status and the error `type` the server gave (`console:forbidden`, ...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    /** Seconds, from Retry-After (a locked sign-in). */
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * The console API for one tab. The session cookie authorises every call; every write also carries the CSRF
 * token of the latest Session the server returned. A 401 on a signed-in session means it ran out (idle or
 * absolute timeout, or signed out elsewhere): `onExpired` sends the operator back to sign-in.
 */
export class ConsoleApi {
  private csrfToken = '';
  onExpired: () => void = () => {};

  remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }

  async call<T>(method: string, path: string, body?: unknown, options: { quiet401?: boolean } = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${API}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    if (response.status === 204) return undefined as T;
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const retry = Number(response.headers.get('retry-after'));
      const error = isErrorBody(payload)
        ? new ApiError(response.status, payload.type, payload.detail ?? payload.title, retry || null)
        : new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
      if (response.status === 401 && !options.quiet401) this.onExpired();
      throw error;
    }
    return payload as T;
  }

  get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PUT', path, body);
  }

  delete(path: string): Promise<void> {
    return this.call<void>('DELETE', path);
  }

  // Sign-in calls: a 401 there is a wrong answer, not an expired session.
  current(): Promise<Session> {
    return this.call<Session>('GET', '/session', undefined, { quiet401: true }).then((s) => this.remember(s));
  }

  signInOptions(): Promise<SignInOptions> {
    return this.call<SignInOptions>('GET', '/session/options', undefined, { quiet401: true });
  }

  signIn(email: string, password: string): Promise<Session> {
    return this.call<Session>('POST', '/session', { email, password }, { quiet401: true }).then((s) =>
      this.remember(s),
    );
  }

  totp(code: string): Promise<Session> {
    return this.call<Session>('POST', '/session/totp', { code }, { quiet401: true }).then((s) => this.remember(s));
  }

  confirmEnrollment(code: string): Promise<Session> {
    return this.call<Session>('POST', '/session/totp/enrollment/confirm', { code }, { quiet401: true }).then((s) =>
      this.remember(s),
    );
  }

  signOut(): Promise<void> {
    return this.call<void>('DELETE', '/session', undefined, { quiet401: true });
  }
}

/** A query string from the filled-in fields only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
