import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import type { Asn1 } from './asn1.js';
import {
  algorithm,
  bitString,
  children,
  ChipFormatError,
  contents,
  integer,
  isTag,
  oid,
  parseBer,
  raw,
  text,
  time,
} from './asn1.js';

/** A distinguished name: its text for people, a normalised key for matching, and its country. */
export interface Name {
  text: string;
  key: string;
  country: string | undefined;
}

/**
 * An X.509 certificate, read with asn1js rather than Node's X509Certificate: we need the key
 * identifiers, key usage and basic constraints, which Node does not expose, and the raw TBS bytes.
 */
export interface Certificate {
  der: Buffer;
  tbs: Buffer;
  signatureAlgorithm: { oid: string; params: Asn1 | undefined };
  signature: Buffer;
  serial: bigint;
  issuer: Name;
  subject: Name;
  notBefore: Date;
  notAfter: Date;
  publicKey: KeyObject;
  subjectKeyId: string | undefined;
  authorityKeyId: string | undefined;
  /** Absent when the certificate has no key usage extension. */
  keyUsage: { digitalSignature: boolean; keyCertSign: boolean; cRLSign: boolean } | undefined;
  isCa: boolean;
  /** SHA-256 of the DER, hex: how a certificate is named in reports and lists. */
  fingerprint: string;
}

const attributeNames: Record<string, string> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

export function readName(node: Asn1, what: string): Name {
  const parts: string[] = [];
  let country: string | undefined;
  for (const rdn of children(node, what)) {
    for (const attribute of children(rdn, what)) {
      const [type, value] = children(attribute, what);
      const id = oid(type, `${what} attribute`);
      const valueText = text(value) ?? contents(value, what).toString('hex');
      if (id === '2.5.4.6') country = valueText.toUpperCase();
      parts.push(`${attributeNames[id] ?? id}=${valueText}`);
    }
  }
  const joined = parts.join(', ');
  return { text: joined, key: joined.toLowerCase().replace(/\s+/g, ' '), country };
}

interface Extensions {
  subjectKeyId?: string;
  authorityKeyId?: string;
  keyUsage?: Certificate['keyUsage'];
  isCa: boolean;
}

function readExtensions(node: Asn1 | undefined): Extensions {
  const found: Extensions = { isCa: false };
  if (!node) return found;
  const [list] = children(node, 'extensions');
  for (const extension of children(list, 'extension list')) {
    const parts = children(extension, 'extension');
    const id = oid(parts[0], 'extension id');
    const value = parseBer(contents(parts.at(-1), 'extension value'), `extension ${id}`);
    if (id === '2.5.29.14') found.subjectKeyId = contents(value, 'subject key id').toString('hex');
    if (id === '2.5.29.35') {
      const keyId = children(value, 'authority key id').find((part) => isTag(part, 'context', 0));
      if (keyId) found.authorityKeyId = contents(keyId, 'authority key id').toString('hex');
    }
    if (id === '2.5.29.15') {
      const first = bitString(value, 'key usage')[0] ?? 0;
      found.keyUsage = {
        digitalSignature: (first & 0x80) !== 0,
        keyCertSign: (first & 0x04) !== 0,
        cRLSign: (first & 0x02) !== 0,
      };
    }
    if (id === '2.5.29.19') {
      const [ca] = children(value, 'basic constraints');
      found.isCa = (ca?.valueBlock as { value?: unknown } | undefined)?.value === true;
    }
  }
  return found;
}

/** Reads a DER certificate; throws ChipFormatError when it is not one. */
export function readCertificate(der: Buffer): Certificate {
  return certificateFrom(parseBer(der, 'The certificate'));
}

export function certificateFrom(node: Asn1): Certificate {
  const [tbsNode, signatureAlgorithm, signatureValue] = children(node, 'certificate');
  const fields = children(tbsNode, 'TBS certificate');
  // The version is an optional [0]; everything after it has a fixed place.
  const rest = isTag(fields[0], 'context', 0) ? fields.slice(1) : fields;
  const [serial, , issuer, validity, subject, spki, ...optional] = rest;
  const [notBefore, notAfter] = children(validity, 'validity');
  if (!issuer || !subject || !spki) throw new ChipFormatError('The certificate is incomplete.');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: raw(spki), format: 'der', type: 'spki' });
  } catch (error) {
    throw new ChipFormatError(`The certificate's public key cannot be read: ${(error as Error).message}.`);
  }
  const der = raw(node);
  const extensions = readExtensions(optional.find((part) => isTag(part, 'context', 3)));
  return {
    der,
    tbs: raw(tbsNode!),
    signatureAlgorithm: algorithm(signatureAlgorithm, 'certificate signature algorithm'),
    signature: bitString(signatureValue, 'certificate signature'),
    serial: integer(serial, 'serial number'),
    issuer: readName(issuer, 'issuer'),
    subject: readName(subject, 'subject'),
    notBefore: time(notBefore, 'notBefore'),
    notAfter: time(notAfter, 'notAfter'),
    publicKey,
    subjectKeyId: extensions.subjectKeyId,
    authorityKeyId: extensions.authorityKeyId,
    keyUsage: extensions.keyUsage,
    isCa: extensions.isCa,
    fingerprint: createHash('sha256').update(der).digest('hex'),
  };
}
