import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { CreateResponseContext } from '../types.js';

/** Onfido SDK tokens are valid for 90 minutes. */
const sdkTokenLifetimeSeconds = 90 * 60;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/**
 * An Onfido-style SDK token: a JWT whose payload carries an opaque (encrypted, at Onfido) blob, a
 * token id and an expiry. Signed with a throwaway key, so it embeds no secret of the server and is
 * unique to the process.
 */
function sdkToken(context: CreateResponseContext): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64url(
    JSON.stringify({
      payload: randomBytes(96).toString('base64'),
      uuid: randomUUID(),
      exp: Math.floor(context.process.createdAt / 1000) + sdkTokenLifetimeSeconds,
    }),
  );
  const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${claims}`).digest('base64url');
  return `${header}.${claims}.${signature}`;
}

/** Onfido's create-process fields: the SDK token the end-user's app starts the Onfido SDK with. */
export function createResponse(context: CreateResponseContext): Record<string, string> {
  return { authorization: sdkToken(context) };
}
