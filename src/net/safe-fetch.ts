import { Agent, request } from 'undici';
import { checkAddress, ipLiteralOf } from './address-policy.js';
import { guardedConnector } from './guarded-connector.js';
import { guardedLookup, systemResolver, type Resolver } from './guarded-lookup.js';
import { describeNetworkError } from './network-errors.js';
import { SafeFetchError } from './errors.js';

export { SafeFetchError } from './errors.js';

export interface SafeFetchOptions {
  /** Also allow private, loopback and unique-local addresses (local development and tests only). */
  allowPrivate: boolean;
  /** Time to resolve the name and open the connection (and finish TLS). */
  connectTimeoutMs?: number;
  /** Response bytes read at most; the rest is not read and the connection is dropped. */
  maxBodyBytes?: number;
  /** How host names are resolved; the system resolver unless a test injects one. */
  resolver?: Resolver;
}

export interface SafeRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** The whole exchange (connect, send, response headers and body) must finish within this. */
  timeoutMs: number;
}

export interface SafeResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The response body as text, cut at maxBodyBytes. */
  body: string;
  /** The same body as bytes (for binary responses such as fonts and icons). */
  bytes: Buffer;
  truncated: boolean;
}

/**
 * The one client for outbound HTTP (webhooks, legacy callbacks, capture theme assets). It only speaks http and https, never
 * follows redirects (a 3xx is returned as it is), bounds the connect time, the total time and the
 * bytes read, and connects only to public addresses: every address a name resolves to is checked when
 * the socket connects, IP literals before anything is sent, and the connected peer once more.
 *
 * @example
 *   const http = createSafeFetch({ allowPrivate: false });
 *   const response = await http.fetch({ url, method: 'POST', body, timeoutMs: 15_000 });
 *   await http.close();
 */
export interface SafeFetch {
  /** Resolves with any HTTP status; rejects with a SafeFetchError when no response arrived. */
  fetch(request: SafeRequest): Promise<SafeResponse>;
  close(): Promise<void>;
}

const defaults = { connectTimeoutMs: 5_000, maxBodyBytes: 64 * 1024 };

export function createSafeFetch(options: SafeFetchOptions): SafeFetch {
  const connectTimeoutMs = options.connectTimeoutMs ?? defaults.connectTimeoutMs;
  const maxBodyBytes = options.maxBodyBytes ?? defaults.maxBodyBytes;
  const lookup = guardedLookup(options.resolver ?? systemResolver, options.allowPrivate);
  const agent = new Agent({
    connect: guardedConnector({ timeout: connectTimeoutMs, lookup }, options.allowPrivate),
    // Receivers are many and called rarely: do not hold idle sockets open for long.
    keepAliveTimeout: 4_000,
    keepAliveMaxTimeout: 10_000,
  });

  return {
    async fetch(outbound) {
      const url = checkUrl(outbound.url, options.allowPrivate);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), outbound.timeoutMs);
      try {
        const response = await request(url, {
          dispatcher: agent,
          method: outbound.method ?? 'GET',
          headers: outbound.headers ?? {},
          body: outbound.body ?? null,
          signal: controller.signal,
        });
        const { bytes, truncated } = await readCapped(response.body, maxBodyBytes);
        const headers = flatten(response.headers);
        return { status: response.statusCode, headers, body: bytes.toString('utf8'), bytes, truncated };
      } catch (error) {
        if (controller.signal.aborted) {
          throw new SafeFetchError('timeout', `No complete response from ${url.host} within ${outbound.timeoutMs} ms.`);
        }
        throw describeNetworkError(error, url.host, connectTimeoutMs);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => agent.close(),
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError('invalid_url', 'The URL is not an absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SafeFetchError('refused_scheme', `Only http and https URLs are called, not ${url.protocol}.`);
  }
  // Credentials in a URL end up in logs and error texts; callers send them as headers instead.
  if (url.username !== '' || url.password !== '') {
    throw new SafeFetchError('invalid_url', 'The URL must not contain a user name or password.');
  }
  // Node connects to an IP literal without calling any lookup, so judge it here, before connecting.
  const literal = ipLiteralOf(url.hostname);
  if (literal !== undefined) {
    const verdict = checkAddress(literal, allowPrivate);
    if (!verdict.allowed) {
      throw new SafeFetchError(
        'refused_address',
        `Refused to connect to ${literal} (${verdict.range}), not a public address.`,
      );
    }
  }
  return url;
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, max: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of body) {
    if (size + chunk.length > max) {
      chunks.push(chunk.subarray(0, max - size));
      truncated = true;
      break;
    }
    chunks.push(chunk);
    size += chunk.length;
  }
  // Leaving the loop early does not always end the stream; destroying it drops the connection.
  if (truncated) body.destroy();
  return { bytes: Buffer.concat(chunks), truncated };
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
