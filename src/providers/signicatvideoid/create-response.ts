import { randomUUID } from 'node:crypto';
import type { CreateResponseContext } from '../types.js';

/**
 * What Create process adds for VideoID (and eid): the SDK's `authorization` token and the
 * `providerApiUrl` the SDK talks to. The vendor is not reachable from here, so the URL points back to
 * this server's VideoID stand-in.
 *
 * The token has a JWT's shape, as the vendor's has, but is an unsecured JWT (RFC 7519, section 6): it
 * names the video identification and is unique per process, yet proves nothing, because a signature
 * would need a server secret and none may leave the server. Whatever accepts it must look the process up.
 */
export function videoIdCreateResponse({ process, publicUrl }: CreateResponseContext): Record<string, string> {
  return {
    authorization: unsecuredJwt({
      jti: randomUUID(),
      sub: process.externalId ?? process.id,
      aud: 'videoid',
      iat: Math.floor(process.createdAt / 1000),
    }),
    providerApiUrl: `${publicUrl.replace(/\/+$/, '')}/sandbox/videoid/v2`,
  };
}

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

const unsecuredJwt = (claims: object): string => `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.`;
