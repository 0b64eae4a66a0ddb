import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { checkAddress } from './address-policy.js';
import { SafeFetchError } from './errors.js';

/**
 * undici's connector with our `lookup`, plus one last look at the peer the socket actually reached.
 * The lookup is the guard; this check only matters if some path ever connects without it.
 */
export function guardedConnector(
  options: { timeout: number; lookup: LookupFunction },
  allowPrivate: boolean,
): buildConnector.connector {
  const connect = buildConnector({ timeout: options.timeout, lookup: options.lookup });
  return (target, callback) => {
    connect(target, (error, socket) => {
      if (error !== null) {
        callback(error, null);
        return;
      }
      const peer = socket.remoteAddress ?? '';
      const verdict = checkAddress(peer, allowPrivate);
      if (!verdict.allowed) {
        socket.destroy();
        callback(new SafeFetchError('refused_address', `Refused the connection to ${peer} (${verdict.range}).`), null);
        return;
      }
      callback(null, socket);
    });
  };
}
