import { constants, verify, type KeyObject } from 'node:crypto';
import type { SignatureScheme } from './algorithms.js';

/**
 * Verifies a signature with Node's own crypto, which (unlike WebCrypto) knows the brainpool curves and
 * reads keys with explicit curve parameters. False for a wrong signature or a key of another family.
 */
export function verifySignature(scheme: SignatureScheme, key: KeyObject, data: Buffer, signature: Buffer): boolean {
  const type = key.asymmetricKeyType;
  try {
    switch (scheme.kind) {
      case 'rsa-pkcs1':
        return type === 'rsa' && verify(scheme.hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
      case 'rsa-pss':
        return (
          (type === 'rsa' || type === 'rsa-pss') &&
          verify(
            scheme.hash,
            data,
            { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength },
            signature,
          )
        );
      case 'ecdsa': {
        if (type !== 'ec') return false;
        // Some issuers write r‖s where DER is declared (and the reverse): accept either form.
        const first = scheme.encoding === 'der' ? 'der' : 'ieee-p1363';
        const second = first === 'der' ? 'ieee-p1363' : 'der';
        return (
          verifyQuietly(scheme.hash, data, { key, dsaEncoding: first }, signature) ||
          verifyQuietly(scheme.hash, data, { key, dsaEncoding: second }, signature)
        );
      }
    }
  } catch {
    return false;
  }
}

function verifyQuietly(
  hash: string,
  data: Buffer,
  key: { key: KeyObject; dsaEncoding: 'der' | 'ieee-p1363' },
  signature: Buffer,
): boolean {
  try {
    return verify(hash, data, key, signature);
  } catch {
    return false;
  }
}
