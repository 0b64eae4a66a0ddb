import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyObject } from 'jose';

/**
 * A client's own key pair for its identity providers: one RSA key signs its `private_key_jwt` client
 * assertions (RS256), another receives userinfo encrypted to it (RSA-OAEP-256). The public halves are
 * published at the client's JWKS URL for the issuers; the private halves are sealed in the database.
 */
export interface ClientKeyPair {
  signing: { kid: string; privateJwk: JWK };
  encryption: { kid: string; privateJwk: JWK };
}

export const signingAlgorithm = 'RS256';
export const encryptionAlgorithm = 'RSA-OAEP-256';

export async function newClientKeyPair(): Promise<ClientKeyPair> {
  const [signing, encryption] = await Promise.all([
    generateKeyPair(signingAlgorithm, { extractable: true, modulusLength: 2048 }),
    generateKeyPair(encryptionAlgorithm, { extractable: true, modulusLength: 2048 }),
  ]);
  return {
    signing: { kid: randomUUID(), privateJwk: await exportJWK(signing.privateKey) },
    encryption: { kid: randomUUID(), privateJwk: await exportJWK(encryption.privateKey) },
  };
}

/** The public JWKS to publish: only the public members, each key marked for its one use and algorithm. */
export function publicJwks(pair: ClientKeyPair): { keys: JWK[] } {
  const publicOf = ({ kty, n, e }: JWK) => ({ kty, n, e });
  return {
    keys: [
      { ...publicOf(pair.signing.privateJwk), kid: pair.signing.kid, use: 'sig', alg: signingAlgorithm },
      { ...publicOf(pair.encryption.privateJwk), kid: pair.encryption.kid, use: 'enc', alg: encryptionAlgorithm },
    ],
  };
}

export async function privateKeyOf(key: ClientKeyPair['signing'], algorithm: string): Promise<KeyObject> {
  return (await importJWK(key.privateJwk, algorithm)) as KeyObject;
}
