import type { Asn1 } from './asn1.js';
import { algorithm, bitString, children, integer, isTag, parseBer, raw, time } from './asn1.js';
import { signatureScheme } from './algorithms.js';
import { readName, type Certificate, type Name } from './certificate.js';
import { verifySignature } from './signature.js';

/** A certificate revocation list (RFC 5280 CertificateList); Node has no class for one. */
export interface RevocationList {
  issuer: Name;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** Revoked serial numbers → when. */
  revoked: Map<bigint, Date>;
  tbs: Buffer;
  signatureAlgorithm: { oid: string; params: Asn1 | undefined };
  signature: Buffer;
}

export function readRevocationList(der: Buffer): RevocationList {
  const [tbsNode, signatureAlgorithm, signatureValue] = children(parseBer(der, 'The CRL'), 'CRL');
  const fields = children(tbsNode, 'TBS CRL');
  const rest = fields[0]?.idBlock.tagNumber === 2 && fields[0].idBlock.tagClass === 1 ? fields.slice(1) : fields;
  const [, issuer, thisUpdate, ...optional] = rest;
  const hasNextUpdate =
    optional[0] !== undefined && optional[0].idBlock.tagClass === 1 && optional[0].idBlock.tagNumber !== 16;
  const nextUpdate = hasNextUpdate ? time(optional.shift(), 'nextUpdate') : undefined;
  const entries = optional[0] && !isTag(optional[0], 'context', 0) ? children(optional[0], 'revoked certificates') : [];
  const revoked = new Map<bigint, Date>();
  for (const entry of entries) {
    const [serial, when] = children(entry, 'revoked certificate');
    revoked.set(integer(serial, 'revoked serial'), time(when, 'revocation date'));
  }
  return {
    issuer: readName(issuer!, 'CRL issuer'),
    thisUpdate: time(thisUpdate, 'thisUpdate'),
    nextUpdate,
    revoked,
    tbs: raw(tbsNode!),
    signatureAlgorithm: algorithm(signatureAlgorithm, 'CRL signature algorithm'),
    signature: bitString(signatureValue, 'CRL signature'),
  };
}

/** Whether a CSCA signed this CRL: same name, and the signature verifies with its key. */
export function isSignedBy(list: RevocationList, issuer: Certificate): boolean {
  if (list.issuer.key !== issuer.subject.key) return false;
  try {
    return verifySignature(signatureScheme(list.signatureAlgorithm), issuer.publicKey, list.tbs, list.signature);
  } catch {
    return false;
  }
}
