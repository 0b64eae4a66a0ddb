import type {
  Depiction,
  ErrorBody,
  HandoverLink,
  HandoverMode,
  PhotoSource,
  Redirect,
  Session,
  UploadResult,
} from './types';

const API = '/assure/capture/api';

/** A failed call: the HTTP status and the error `type` the server gave (`capture:link-expired`, ...). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * The capture API for one browser tab. The session cookie authorises every call; state-changing calls also
 * carry the session's CSRF token, which is taken from every Session the server returns.
 */
export class CaptureApi {
  private csrfToken = '';

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }

  private async call<T>(method: string, path: string, body?: BodyInit, contentType = 'application/json'): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrfToken;
    if (body !== undefined) headers['Content-Type'] = contentType;
    let response: Response;
    try {
      response = await fetch(`${API}${path}`, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached.');
    }
    const payload: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      if (isErrorBody(payload)) throw new ApiError(response.status, payload.type, payload.detail ?? payload.title);
      throw new ApiError(response.status, 'unknown', `The server answered ${response.status}.`);
    }
    return payload as T;
  }

  private json<T>(method: string, path: string, body: object): Promise<T> {
    return this.call<T>(method, path, JSON.stringify(body));
  }

  async exchange(artifact: string): Promise<Session> {
    return this.remember(await this.json<Session>('POST', '/session', { artifact }));
  }

  async session(): Promise<Session> {
    return this.remember(await this.call<Session>('GET', '/session'));
  }

  async selectDocument(documentType: string, documentCountry: string): Promise<Session> {
    return this.remember(await this.json<Session>('PUT', '/session/document', { documentType, documentCountry }));
  }

  /** `source` tells the server how the photo was taken: its glare check follows `detectGlare` for that source. */
  async upload(depiction: Depiction, image: Blob, source: PhotoSource): Promise<UploadResult> {
    const path = `/session/images/${depiction}?source=${source}`;
    const result = await this.call<UploadResult>('POST', path, image, image.type);
    this.remember(result.session);
    return result;
  }

  /** The selfie video (WebM or MP4, as recorded); its still frame goes through `upload` as a selfie. */
  async uploadVideo(video: Blob, durationMs: number): Promise<Session> {
    const type = video.type.split(';')[0] ?? '';
    const path = `/session/video?durationMs=${Math.round(durationMs)}`;
    const result = await this.call<{ session: Session }>('POST', path, video, type);
    return this.remember(result.session);
  }

  finish(): Promise<Redirect> {
    return this.json<Redirect>('POST', '/session/finish', {});
  }

  cancel(): Promise<Redirect> {
    return this.json<Redirect>('POST', '/session/cancel', {});
  }

  sandboxOutcome(scenarioId: string): Promise<Redirect> {
    return this.json<Redirect>('POST', '/session/sandbox-outcome', { scenarioId });
  }

  handover(mode: HandoverMode, phoneNumber?: string): Promise<HandoverLink> {
    return this.json<HandoverLink>('POST', '/session/handover', mode === 'sms' ? { mode, phoneNumber } : { mode });
  }
}
