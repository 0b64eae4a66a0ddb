import { randomUUID } from 'node:crypto';
import type { OperatorRole } from '../../src/core/domain.js';
import type { TestServer } from './test-server.js';

/**
 * An operator's browser, as far as the console API sees it: the session cookie and the session's CSRF
 * token, over real HTTP on loopback. Paths are relative to /console/api.
 *
 * @example
 *   const admin = await signInOperator(server(), { role: 'admin' });
 *   const list = await admin.get('/processes?limit=10');
 */
export interface ConsoleResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface ConsoleSessionBody {
  operator: { email: string; role: OperatorRole; clients: string[] | null; totpEnrolled: boolean };
  csrfToken: string;
  stage: 'totp' | 'enroll' | 'ready';
}

export interface ConsoleRequestOptions {
  /** The CSRF token to send; null sends none; by default the session's. */
  csrf?: string | null;
  headers?: Record<string, string>;
}

export class ConsoleClient {
  cookie: string | undefined;
  csrf: string | undefined;
  /** The operator this client signed in as (set by signIn / signInOperator). */
  email: string | undefined;
  password: string | undefined;

  constructor(readonly baseUrl: string) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: ConsoleRequestOptions = {},
  ): Promise<ConsoleResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = options.csrf === null ? undefined : (options.csrf ?? this.csrf);
    if (csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}/console/api${path}`, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    return {
      status: response.status,
      headers: response.headers,
      body: bytes,
      text,
      json: <T>() => JSON.parse(text) as T,
    };
  }

  get(path: string, options?: ConsoleRequestOptions) {
    return this.request('GET', path, undefined, options);
  }
  post(path: string, body?: unknown, options?: ConsoleRequestOptions) {
    return this.request('POST', path, body ?? {}, options);
  }
  put(path: string, body?: unknown, options?: ConsoleRequestOptions) {
    return this.request('PUT', path, body ?? {}, options);
  }
  delete(path: string, options?: ConsoleRequestOptions) {
    return this.request('DELETE', path, undefined, options);
  }

  /** Signs in with email and password, keeping the cookie and the CSRF token. */
  async signIn(email: string, password: string): Promise<ConsoleResponse> {
    const response = await this.post('/session', { email, password });
    if (response.status === 200) {
      this.csrf = response.json<ConsoleSessionBody>().csrfToken;
      this.email = email;
      this.password = password;
    }
    return response;
  }
}

export interface OperatorOptions {
  role: OperatorRole;
  /** Limit the operator to these clients. */
  clients?: string[];
  email?: string;
}

/** Creates an operator through the service (as `operators create` would) and returns their password. */
export async function createOperator(
  server: TestServer,
  options: OperatorOptions,
): Promise<{ email: string; password: string }> {
  const email = options.email ?? `${options.role}-${randomUUID().slice(0, 8)}@example.test`;
  const created = await server.app.services.operators.create(
    { email, role: options.role, clients: options.clients ?? null },
    'cli',
  );
  return { email: created.email, password: created.password };
}

/** Creates an operator and signs them in over HTTP: a client holding their cookie and CSRF token. */
export async function signInOperator(server: TestServer, options: OperatorOptions): Promise<ConsoleClient> {
  const { email, password } = await createOperator(server, options);
  const client = new ConsoleClient(server.baseUrl);
  const response = await client.signIn(email, password);
  if (response.status !== 200) throw new Error(`sign-in: ${response.status} ${response.text}`);
  return client;
}
