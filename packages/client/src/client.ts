import createClient, { type Client } from 'openapi-fetch';
import { AssureError, problemOf, type AssureProblem } from './errors.js';
import type { paths } from './schema.js';
import { TokenSource } from './tokens.js';

export interface AssureClientOptions {
  /** The server's base URL, e.g. `https://id.example.com` (no path). */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes to ask for; all the server supports when absent. */
  scope?: string;
  /** Sent as `X-Sandbox-Scenario` on every request (sandbox clients only; see `withSandboxScenario`). */
  sandboxScenario?: string;
  /** A fetch implementation (a proxy agent, a test double); the global fetch by default. */
  fetch?: typeof fetch;
}

/** The typed Assure API (openapi-fetch: `GET`, `POST`, ... by path), signed in as one client. */
export type AssureApi = Client<paths>;

export interface AssureClient {
  api: AssureApi;
  /** The same client sending `X-Sandbox-Scenario: <scenario>`, so the next processes end as that scenario says. */
  withSandboxScenario(scenario: string): AssureClient;
  /** A valid access token, fetched or renewed as needed (for calls made outside `api`). */
  token(): Promise<string>;
}

/**
 * A client for one Assure API client id. Every request carries a token from the client-credentials
 * grant, renewed before it expires; a request refused with 401 (the token was revoked or the keys
 * rotated) is sent once more with a fresh token.
 */
export function createAssureClient(options: AssureClientOptions): AssureClient {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const tokens = new TokenSource({
    baseUrl: options.baseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.scope !== undefined && { scope: options.scope }),
    fetch: baseFetch,
  });
  return clientWith(options, baseFetch, tokens);
}

function clientWith(options: AssureClientOptions, baseFetch: typeof fetch, tokens: TokenSource): AssureClient {
  const send = async (request: Request) => {
    request.headers.set('authorization', `Bearer ${await tokens.token()}`);
    if (options.sandboxScenario !== undefined) request.headers.set('x-sandbox-scenario', options.sandboxScenario);
    return baseFetch(request);
  };
  const authorisedFetch = async (request: Request): Promise<Response> => {
    // Kept before sending: a body can be read only once, and the retry needs it again.
    const again = request.clone();
    const response = await send(request);
    if (response.status !== 401) return response;
    tokens.invalidate();
    await response.body?.cancel();
    return send(again);
  };
  const api = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), fetch: authorisedFetch });
  return {
    api,
    withSandboxScenario: (scenario) => clientWith({ ...options, sandboxScenario: scenario }, baseFetch, tokens),
    token: () => tokens.token(),
  };
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a successful call, or an `AssureError` carrying the upstream error body:
 * `const dossier = await unwrap(client.api.POST('/assure/dossiers', { body: {} }))`.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  if (typeof error === 'object' && error !== null && 'title' in error) {
    throw new AssureError(response.status, { ...(error as AssureProblem), status: response.status });
  }
  // openapi-fetch could not read the body as JSON: describe the response as it was.
  const problem = await problemOf(new Response(typeof error === 'string' ? error : '', response));
  throw new AssureError(response.status, problem);
}
