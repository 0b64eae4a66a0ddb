import { createHash } from 'node:crypto';

/**
 * A bucket name for a kind of limit and who it counts: a hash, so that neither the database nor Redis
 * holds a raw address or a guessed client id.
 */
export function bucketOf(kind: string, who: string): string {
  return `${kind}:${createHash('sha256').update(`${kind}\0${who}`).digest('base64url').slice(0, 32)}`;
}
