import { TokenError } from './errors.js';

export interface TokenSourceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes; the server's default (all it supports) when absent. */
  scope?: string;
  fetch: typeof fetch;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

interface CachedToken {
  value: string;
  /** When to stop using it: a little before it expires, so a request never arrives with a dead token. */
  renewAt: number;
}

/**
 * Access tokens from the OAuth 2.0 client-credentials grant, kept until shortly before they expire.
 * Concurrent callers share one request, so a burst of calls at start-up fetches one token.
 */
export class TokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: TokenSourceOptions) {
    this.now = options.now ?? Date.now;
  }

  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    this.pending ??= this.request().finally(() => (this.pending = undefined));
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Forgets the token (the server refused it: rotated keys, a deleted client): the next call fetches one. */
  invalidate(): void {
    this.cached = undefined;
  }

  private async request(): Promise<CachedToken> {
    const { baseUrl, clientId, clientSecret, scope } = this.options;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    if (scope !== undefined) form.set('scope', scope);
    const startedAt = this.now();
    const response = await this.options.fetch(new URL('/auth/open/connect/token', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form,
    });
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || typeof body.access_token !== 'string') {
      throw new TokenError(response.status, body.error ?? 'invalid_response', body.error_description);
    }
    const lifetimeMs = (body.expires_in ?? 300) * 1000;
    // Renew at 90% of the lifetime, and at least 30 s early when the lifetime allows it.
    const margin = Math.max(lifetimeMs * 0.1, Math.min(30_000, lifetimeMs / 2));
    return { value: body.access_token, renewAt: startedAt + lifetimeMs - margin };
  }
}
