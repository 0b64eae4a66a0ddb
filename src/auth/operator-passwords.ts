import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id (2 in the package's const enum, which isolated modules cannot read) with OWASP's recommended
// minimum (19 MiB, 2 passes, 1 lane).
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** A new password: 18 random bytes as 24 base64url characters (144 bits). */
export function newOperatorPassword(): string {
  return randomBytes(18).toString('base64url');
}

export function hashOperatorPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Whether the password matches the hash; false (not an error) for a malformed hash. */
export async function verifyOperatorPassword(password: string, passwordHash: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has, verified when the email is unknown so that the timing is the same. */
export const unknownOperatorHash =
  '$argon2id$v=19$m=19456,t=2,p=1$cAcXnQh4zsIY24pQAmhm/g$vj7na0S14W6FnTixqQAkyU8e2gbomXTEYUzeePW7fu4';
