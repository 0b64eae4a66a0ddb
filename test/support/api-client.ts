import type { UpstreamSpec } from './upstream-spec.js';

export interface TestResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  text(): string;
  json<T = Record<string, unknown>>(): T;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, instead of JSON. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * An HTTP client for the server under test, over real loopback HTTP. Every response it receives is
 * checked against the upstream OpenAPI document; a mismatch fails the test that made the request.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly spec: UpstreamSpec | undefined,
  ) {}

  withToken(token: string | undefined): ApiClient {
    return new ApiClient(this.baseUrl, token, this.spec);
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token !== undefined && headers.authorization === undefined) headers.authorization = `Bearer ${this.token}`;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const bytes = Buffer.from(await response.arrayBuffer());
    const result: TestResponse = {
      status: response.status,
      headers: response.headers,
      body: bytes,
      text: () => bytes.toString('utf8'),
      json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
    };
    const problems =
      this.spec?.check({
        method,
        path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body: bytes,
      }) ?? [];
    if (problems.length > 0) {
      throw new Error(
        `Response does not match the upstream OpenAPI document:\n  ${problems.join('\n  ')}\nBody: ${result.text().slice(0, 500)}`,
      );
    }
    return result;
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }

  post(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request('POST', path, { ...options, body });
  }

  put(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request('PUT', path, { ...options, body });
  }

  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }
}
