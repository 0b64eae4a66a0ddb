import { createLocalJWKSet, errors as joseErrors, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { Clock } from '../core/time.js';
import { SafeFetchError, type SafeFetch, type SafeResponse } from '../net/safe-fetch.js';
import { ConnectError } from './errors.js';
import { freshSeconds, issuerDocumentFreshness } from './http-cache.js';
import { readIssuerMetadata, type IssuerMetadata } from './issuer-metadata.js';

interface Cached<T> {
  value: T;
  fetchedAt: number;
  freshUntil: number;
}

/** A JWKS refetch for an unknown key id happens at most this often per issuer (a forged kid costs one fetch). */
const refetchIntervalMs = 30_000;
const fetchTimeoutMs = 10_000;

/**
 * The issuers' discovery documents and signing keys, fetched through the SSRF-safe client and kept as
 * long as their HTTP caching headers allow (see http-cache.ts). A token signed with a key id the cached
 * JWKS lacks makes one refetch: that is how an issuer's key rotation is followed without waiting for
 * the cache to expire.
 *
 * @example
 *   const directory = new IssuerDirectory(http, clock);
 *   const metadata = await directory.metadata('https://login.example.com');
 *   const keys = directory.keysFor(metadata); // for jose's jwtVerify
 */
export class IssuerDirectory {
  private readonly discovery = new Map<string, Cached<IssuerMetadata>>();
  private readonly keySets = new Map<string, Cached<JSONWebKeySet>>();
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly http: SafeFetch,
    private readonly clock: Clock,
  ) {}

  /** The issuer's discovery document (`<issuer>/.well-known/openid-configuration`), checked. */
  async metadata(issuer: string): Promise<IssuerMetadata> {
    const cached = this.discovery.get(issuer);
    if (cached && cached.freshUntil > this.clock.now()) return cached.value;
    return this.once(`discovery ${issuer}`, async () => {
      const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const response = await this.getJson(url, 'discovery document');
      const metadata = readIssuerMetadata(issuer, response.json);
      if (typeof metadata === 'string') throw new ConnectError('invalid_issuer', metadata);
      this.discovery.set(issuer, this.entry(metadata, response.headers));
      return metadata;
    });
  }

  /** A key resolver for jose: the cached JWKS, refetched once when the token names a key it lacks. */
  keysFor(metadata: IssuerMetadata): JWTVerifyGetKey {
    return async (header, token) => {
      const first = await this.jwks(metadata, false);
      try {
        return await createLocalJWKSet(first.value)(header, token);
      } catch (error) {
        if (!(error instanceof joseErrors.JWKSNoMatchingKey)) throw error;
        if (this.clock.now() - first.fetchedAt < refetchIntervalMs) throw error;
        const fresh = await this.jwks(metadata, true);
        return createLocalJWKSet(fresh.value)(header, token);
      }
    };
  }

  private async jwks(metadata: IssuerMetadata, refresh: boolean): Promise<Cached<JSONWebKeySet>> {
    const cached = this.keySets.get(metadata.jwks_uri);
    if (cached && !refresh && cached.freshUntil > this.clock.now()) return cached;
    return this.once(`jwks ${metadata.jwks_uri}`, async () => {
      const response = await this.getJson(metadata.jwks_uri, 'JWKS');
      const keys = (response.json as { keys?: unknown } | null)?.keys;
      if (!Array.isArray(keys)) throw new ConnectError('invalid_issuer', 'The issuer JWKS has no keys array.');
      const entry = this.entry({ keys } as JSONWebKeySet, response.headers);
      this.keySets.set(metadata.jwks_uri, entry);
      return entry;
    });
  }

  private entry<T>(value: T, headers: Record<string, string>): Cached<T> {
    const now = this.clock.now();
    return { value, fetchedAt: now, freshUntil: now + freshSeconds(headers, now, issuerDocumentFreshness) * 1000 };
  }

  /** Concurrent callers share one request instead of each asking the issuer. */
  private once<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const started = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  private async getJson(url: string, what: string): Promise<{ json: unknown; headers: Record<string, string> }> {
    const response = await fetchOrUnavailable(this.http, { url, headers: { accept: 'application/json' } }, what);
    if (response.status !== 200) {
      throw new ConnectError(
        response.status >= 500 ? 'unavailable' : 'invalid_issuer',
        `The issuer's ${what} answered HTTP ${response.status}.`,
      );
    }
    if (response.truncated) throw new ConnectError('invalid_issuer', `The issuer's ${what} is too large.`);
    try {
      return { json: JSON.parse(response.body) as unknown, headers: response.headers };
    } catch {
      throw new ConnectError('invalid_issuer', `The issuer's ${what} is not JSON.`);
    }
  }
}

/** A request to the issuer; no answer at all (refused, timed out) is the issuer being unavailable. */
export async function fetchOrUnavailable(
  http: SafeFetch,
  request: { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string },
  what: string,
): Promise<SafeResponse> {
  try {
    return await http.fetch({ ...request, timeoutMs: fetchTimeoutMs });
  } catch (error) {
    // A refused address or scheme is a wrong configuration, not an outage: retrying will not help.
    const refused =
      error instanceof SafeFetchError && ['invalid_url', 'refused_scheme', 'refused_address'].includes(error.kind);
    throw new ConnectError(
      refused ? 'invalid_issuer' : 'unavailable',
      `The issuer's ${what} could not be reached: ${(error as Error).message}`,
    );
  }
}
