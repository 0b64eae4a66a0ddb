import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { checkAddress } from './address-policy.js';
import { SafeFetchError } from './errors.js';

/** Resolves a host name to every address it has (the system resolver by default; tests inject one). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * A `lookup` for sockets that refuses to connect unless EVERY address the name resolves to is allowed.
 * It runs when the socket connects, on the very answer the socket will use, so a name that resolved
 * to a public address when it was registered and to 127.0.0.1 now (DNS rebinding), or a name that
 * embeds a private address (nip.io), is refused. Refusing the whole name rather than filtering out its
 * bad addresses keeps a half-private name from working by luck of address order.
 */
export function guardedLookup(resolver: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (found) => {
        const family = options.family === 4 || options.family === 6 ? options.family : undefined;
        const addresses = family === undefined ? found : found.filter((a) => a.family === family);
        if (addresses.length === 0) {
          callback(new SafeFetchError('dns_failed', `${hostname} has no address.`), '', 0);
          return;
        }
        for (const { address } of addresses) {
          const verdict = checkAddress(address, allowPrivate);
          if (!verdict.allowed) {
            const error = new SafeFetchError(
              'refused_address',
              `Refused to connect to ${hostname}: it resolves to ${address} (${verdict.range}), not a public address.`,
            );
            callback(error, '', 0);
            return;
          }
        }
        // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? 'error';
        callback(new SafeFetchError('dns_failed', `Could not resolve ${hostname} (${code}).`, { cause: error }), '', 0);
      },
    );
  };
}
