/**
 * Why a URL cannot be a webhook endpoint, or undefined when it can. Only the shape is judged here; the
 * address it reaches is judged at every delivery (src/net/safe-fetch.ts), when DNS answers for real.
 */
export function webhookUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  // Credentials in a URL leak into logs and listings; receivers authenticate us by the signature.
  if (url.username !== '' || url.password !== '') return 'must not contain a user name or password';
  if (url.hostname === '') return 'must name a host';
  return undefined;
}
