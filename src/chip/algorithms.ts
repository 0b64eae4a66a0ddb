import type { Asn1 } from './asn1.js';
import { algorithm, children, ChipFormatError, integer, isTag } from './asn1.js';

/** Hash algorithms by OID, with Node's names for them. */
const digests: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export function digestName(oidValue: string): string {
  const name = digests[oidValue];
  if (!name) throw new ChipFormatError(`The hash algorithm ${oidValue} is not supported.`);
  return name;
}

const rsaEncryption = '1.2.840.113549.1.1.1';
const rsassaPss = '1.2.840.113549.1.1.10';
const ecPublicKey = '1.2.840.10045.2.1';
const mgf1 = '1.2.840.113549.1.1.8';

/** How a signature is checked: the key family, the hash, and the padding or encoding. */
export type SignatureScheme =
  | { kind: 'rsa-pkcs1'; hash: string }
  | { kind: 'rsa-pss'; hash: string; saltLength: number }
  | { kind: 'ecdsa'; hash: string; encoding: 'der' | 'plain' };

const rsaPkcs1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};
const ecdsaDer: Record<string, string> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};
/** BSI TR-03111 ecdsa-plain-SHA*: r‖s instead of DER. */
const ecdsaPlain: Record<string, string> = {
  '0.4.0.127.0.7.1.1.4.1.1': 'sha1',
  '0.4.0.127.0.7.1.1.4.1.2': 'sha224',
  '0.4.0.127.0.7.1.1.4.1.3': 'sha256',
  '0.4.0.127.0.7.1.1.4.1.4': 'sha384',
  '0.4.0.127.0.7.1.1.4.1.5': 'sha512',
};

/** RSASSA-PSS-params: each field has a default (SHA-1, MGF1 with SHA-1, salt 20). */
function pssScheme(params: Asn1 | undefined): SignatureScheme {
  let hash = 'sha1';
  let maskHash = 'sha1';
  let saltLength = 20;
  for (const field of params ? children(params, 'RSASSA-PSS parameters') : []) {
    const [inner] = children(field, 'RSASSA-PSS parameter');
    if (isTag(field, 'context', 0)) hash = digestName(algorithm(inner, 'PSS hash').oid);
    if (isTag(field, 'context', 1)) {
      const mask = algorithm(inner, 'PSS mask generation');
      if (mask.oid !== mgf1) throw new ChipFormatError(`The PSS mask generation ${mask.oid} is not supported.`);
      maskHash = digestName(algorithm(mask.params, 'MGF1 hash').oid);
    }
    if (isTag(field, 'context', 2)) saltLength = Number(integer(inner, 'PSS salt length'));
  }
  // Node's verifier uses the message hash for MGF1 too; documents in the wild do the same.
  if (maskHash !== hash) throw new ChipFormatError(`PSS with MGF1-${maskHash} over ${hash} is not supported.`);
  return { kind: 'rsa-pss', hash, saltLength };
}

/**
 * The scheme of a signature algorithm. Some documents name only the key type (rsaEncryption,
 * ecPublicKey) and leave the hash to the digest algorithm beside it, hence `digestOid`.
 */
export function signatureScheme(
  signatureAlgorithm: { oid: string; params: Asn1 | undefined },
  digestOid?: string,
): SignatureScheme {
  const { oid: id, params } = signatureAlgorithm;
  const fromDigest = () => {
    if (!digestOid) throw new ChipFormatError(`The signature algorithm ${id} needs a digest algorithm.`);
    return digestName(digestOid);
  };
  if (rsaPkcs1[id]) return { kind: 'rsa-pkcs1', hash: rsaPkcs1[id] };
  if (id === rsaEncryption) return { kind: 'rsa-pkcs1', hash: fromDigest() };
  if (id === rsassaPss) return pssScheme(params);
  if (ecdsaDer[id]) return { kind: 'ecdsa', hash: ecdsaDer[id], encoding: 'der' };
  if (ecdsaPlain[id]) return { kind: 'ecdsa', hash: ecdsaPlain[id], encoding: 'plain' };
  if (id === ecPublicKey) return { kind: 'ecdsa', hash: fromDigest(), encoding: 'der' };
  throw new ChipFormatError(`The signature algorithm ${id} is not supported.`);
}

/** A short name for reports and benchmarks, e.g. `ecdsa-sha256` or `rsa-pss-sha256`. */
export const schemeName = (scheme: SignatureScheme): string => `${scheme.kind}-${scheme.hash}`;
