import { generateKeyPair, generateKeyPairSync, type RSAKeyPairOptions } from 'node:crypto';

/**
 * Fresh RSA-2048 public keys in PEM, the kind of key FaceTec's SDKs encrypt face scans with. Making
 * one takes about 150 ms of CPU, too long for a create-process request, so a few are made ahead on
 * libuv's thread pool; only an empty pool makes the caller wait. The private halves are dropped:
 * there is no FaceTec server behind the sandbox to decrypt anything.
 */
const options: RSAKeyPairOptions<'pem', 'pem'> = {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
};
const poolSize = 4;
const pool: string[] = [];
let refilling = false;

function refill(): void {
  if (refilling || pool.length >= poolSize) return;
  refilling = true;
  generateKeyPair('rsa', options, (error, publicKey) => {
    refilling = false;
    if (error) return;
    pool.push(publicKey);
    refill();
  });
}

/** A public key no process has been given before. */
export function freshPublicKey(): string {
  const key = pool.pop() ?? generateKeyPairSync('rsa', options).publicKey;
  refill();
  return key;
}
