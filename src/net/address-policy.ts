import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Ranges that `allowPrivate` opens up, for local development and tests (a receiver on 127.0.0.1 or on
 * the LAN). Link-local stays closed even then: 169.254.169.254 is the cloud metadata service.
 */
const privateRanges = new Set(['private', 'loopback', 'uniqueLocal']);

export interface AddressVerdict {
  allowed: boolean;
  /** The ipaddr.js range name, e.g. `unicast`, `loopback`, `linkLocal`, `6to4`. */
  range: string;
}

/**
 * Whether an outbound request may connect to this IP address. Only ipaddr.js `unicast` (public) addresses
 * pass: its range table also classifies the encodings that smuggle a private IPv4 address inside IPv6
 * (6to4, NAT64 `rfc6052`, Teredo) as their own ranges, so they are refused without decoding them.
 * An IPv4-mapped IPv6 address is judged as the IPv4 address it carries. Anything that does not parse
 * is refused.
 *
 * @example
 *   checkAddress('93.184.215.14', false).allowed === true;
 *   checkAddress('::ffff:169.254.169.254', false).range === 'linkLocal';
 */
export function checkAddress(address: string, allowPrivate: boolean): AddressVerdict {
  // Zone ids (fe80::1%eth0) are only meaningful on link-local addresses, which are refused anyway.
  const bare = address.replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return { allowed: false, range: 'invalid' };
  const range = ipaddr.process(bare).range();
  return { allowed: range === 'unicast' || (allowPrivate && privateRanges.has(range)), range };
}

/**
 * The address of a host written as an IP address (URL.hostname, IPv6 in brackets), else undefined.
 * Uses Node's own test because Node connects to such hosts without calling any `lookup`.
 */
export function ipLiteralOf(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? undefined : bare;
}
