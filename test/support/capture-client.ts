/**
 * The end-user's browser, as far as the capture API sees it: a cookie jar of one cookie and the
 * session's CSRF token, over real HTTP on loopback.
 */
export interface CaptureResponse {
  status: number;
  headers: Headers;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export class CaptureBrowser {
  cookie: string | undefined;
  csrf: string | undefined;

  constructor(private readonly baseUrl: string) {}

  /** The token in a capture URL's fragment. */
  static artifactOf(url: string): string {
    const match = /#\/artifact=([A-Za-z0-9_-]+)$/.exec(url);
    if (!match) throw new Error(`not a capture URL: ${url}`);
    return match[1]!;
  }

  /** Opens a capture link: exchanges its token, keeping the cookie and the CSRF token. */
  async open(url: string): Promise<CaptureResponse> {
    const response = await this.request('POST', '/session', { artifact: CaptureBrowser.artifactOf(url) });
    if (response.status === 200) this.csrf = response.json<{ csrfToken: string }>().csrfToken;
    return response;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { raw?: Buffer; contentType?: string; csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<CaptureResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    const csrf = options.csrf === null ? undefined : (options.csrf ?? this.csrf);
    if (csrf !== undefined && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: string | Buffer | undefined;
    if (options.raw) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'image/jpeg';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}/assure/capture/api${path}`, { method, headers, body: payload });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
  }

  session() {
    return this.request('GET', '/session');
  }

  upload(step: string, image: Buffer, source: 'camera' | 'upload' = 'upload') {
    return this.request('POST', `/session/images/${step}?source=${source}`, undefined, { raw: image });
  }

  /** The selfie video step's recording, as the page sends it. */
  video(bytes: Buffer, options: { contentType?: string; durationMs?: number; csrf?: string | null } = {}) {
    const query = options.durationMs === undefined ? '' : `?durationMs=${options.durationMs}`;
    return this.request('POST', `/session/video${query}`, undefined, {
      raw: bytes,
      contentType: options.contentType ?? 'video/webm',
      ...(options.csrf !== undefined && { csrf: options.csrf }),
    });
  }
}
