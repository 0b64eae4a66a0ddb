import { checkAddress, ipLiteralOf } from '../net/address-policy.js';
import { systemResolver, type Resolver } from '../net/guarded-lookup.js';

/**
 * Why a URL cannot be a webhook endpoint or notificationUrl by its shape alone, or undefined when it
 * can. `destinationCheck` adds where it points.
 */
function webhookUrlProblem(raw: string): string | undefined {
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

/** Why a customer's URL cannot receive our requests, or undefined when it can. */
export type DestinationCheck = (url: string) => Promise<string | undefined>;

export interface DestinationOptions {
  /** OPENASSURE_OUTBOUND_ALLOW_PRIVATE: loopback and private receivers for local development. */
  allowPrivate: boolean;
  resolver?: Resolver;
  /** How long to wait for DNS at registration (default 2 s). */
  timeoutMs?: number;
}

/**
 * Judges a webhook endpoint or notificationUrl when it is registered, with the address policy every
 * delivery uses (src/net/address-policy.ts): its shape, then the address it points at. The URL parser
 * has already turned every IPv4 spelling (2130706433, 0x7f000001, 0177.0.0.1, 127.1) into dotted
 * form; IPv6 (mapped, NAT64, 6to4 included) is judged by the policy's ranges; a name must resolve to
 * public addresses only. A name that does not resolve now (or not in time) is accepted: DNS can
 * change either way, so every delivery checks the address it actually connects to again.
 *
 * @example
 *   const check = destinationCheck({ allowPrivate: false });
 *   await check('http://0x7f000001/'); // 'must point at a public address: 127.0.0.1 is loopback'
 */
export function destinationCheck(options: DestinationOptions): DestinationCheck {
  const resolver = options.resolver ?? systemResolver;
  const timeoutMs = options.timeoutMs ?? 2_000;
  return async (raw) => {
    const shape = webhookUrlProblem(raw);
    if (shape !== undefined) return shape;
    const hostname = new URL(raw).hostname.replace(/\.$/, '').toLowerCase();
    const literal = ipLiteralOf(hostname);
    if (literal !== undefined) {
      const verdict = checkAddress(literal, options.allowPrivate);
      return verdict.allowed ? undefined : `must point at a public address: ${literal} is ${verdict.range}`;
    }
    // RFC 6761: localhost and every name under it are the loopback interface, whatever DNS says.
    if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
      return options.allowPrivate ? undefined : `must point at a public address: ${hostname} is loopback`;
    }
    const addresses = await resolveWithin(resolver, hostname, timeoutMs);
    for (const address of addresses) {
      const verdict = checkAddress(address, options.allowPrivate);
      if (!verdict.allowed) {
        return `must point at a public address: ${hostname} resolves to ${address}, which is ${verdict.range}`;
      }
    }
    return undefined;
  };
}

/** The addresses of a name, or none when it does not resolve within `timeoutMs`. */
async function resolveWithin(resolver: Resolver, hostname: string, timeoutMs: number): Promise<string[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string[]>((resolve) => {
    timer = setTimeout(() => resolve([]), timeoutMs);
  });
  const lookup = resolver(hostname).then(
    (found) => found.map((entry) => entry.address),
    () => [],
  );
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
