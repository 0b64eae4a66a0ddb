import { CaptureBrowser } from './capture-client.js';

/** A browser's cookies, as few as these tests need: name → value, sent to every host (all are loopback). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      if (/Max-Age=0/i.test(header)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join('='));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface LoginTrip {
  /** Where the server sent the browser to log in (the issuer's authorization endpoint). */
  authorizationUrl: URL;
  /** Where the issuer sent the browser back (the server's callback), not yet followed. */
  callbackUrl: URL;
  /** Follows the callback as this browser; the answer (a redirect to the flow's redirectUrl, or an error page). */
  callback(url?: URL): Promise<Response>;
}

/**
 * The end-user's browser in a live Connect flow, without a page: opens the capture link, leaves for the
 * issuer through the server's start route, goes through the issuer's redirects (the test issuer logs in
 * by itself) and stops at the callback, which the test then follows (or tampers with, or replays).
 */
export async function travelToCallback(baseUrl: string, captureUrl: string): Promise<LoginTrip> {
  const jar = new CookieJar();
  const capture = new CaptureBrowser(baseUrl);
  const opened = await capture.open(captureUrl);
  if (opened.status !== 200) throw new Error(`capture link: ${opened.status} ${opened.text}`);
  if (opened.json<{ flow: string }>().flow !== 'provider-login') throw new Error('not a login flow');
  const start = await fetch(`${baseUrl}/assure/capture/connect/start`, {
    headers: { cookie: capture.cookie! },
    redirect: 'manual',
  });
  if (start.status !== 303) throw new Error(`start: ${start.status} ${await start.text()}`);
  jar.take(start);
  const authorizationUrl = new URL(start.headers.get('location')!);
  const next = await throughIssuer(authorizationUrl, jar, '/assure/connect/callback');
  return {
    authorizationUrl,
    callbackUrl: next,
    async callback(url = next) {
      const response = await fetch(url, { headers: { cookie: jar.header() }, redirect: 'manual' });
      jar.take(response);
      return response;
    },
  };
}

/** Follows the issuer's redirects (the test issuer logs in by itself) up to the first URL on `callbackPath`. */
export async function throughIssuer(authorizationUrl: URL, jar: CookieJar, callbackPath: string): Promise<URL> {
  let next = authorizationUrl;
  for (let hop = 0; hop < 10 && next.pathname !== callbackPath; hop++) {
    const response = await fetch(next, { headers: { cookie: jar.header() }, redirect: 'manual' });
    jar.take(response);
    const location = response.headers.get('location');
    if (!location) throw new Error(`issuer: ${response.status} ${await response.text()}`);
    next = new URL(location, next);
  }
  return next;
}
