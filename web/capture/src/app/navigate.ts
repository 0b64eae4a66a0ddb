/**
 * Leaves for the integrator's redirect URL. Only http(s) URLs are followed, so a bad configuration can never
 * turn the end of the flow into a `javascript:` URL.
 */
export function leaveTo(redirectUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(redirectUrl, location.href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  location.assign(url.href);
  return true;
}
