import { createHash } from 'node:crypto';
import type { Asn1 } from './asn1.js';
import { algorithm, children, ChipFormatError, contents, integer, isTag, oid, parseBer, raw } from './asn1.js';
import { digestName, signatureScheme, type SignatureScheme } from './algorithms.js';
import { certificateFrom, readName, type Certificate } from './certificate.js';
import { verifySignature } from './signature.js';

const signedDataOid = '1.2.840.113549.1.7.2';
const contentTypeAttribute = '1.2.840.113549.1.9.3';
const messageDigestAttribute = '1.2.840.113549.1.9.4';
const signingTimeAttribute = '1.2.840.113549.1.9.5';

/** Who signed: by issuer and serial number (SignerInfo v1) or by subject key identifier (v3). */
export type SignerId = { issuerKey: string; serial: bigint } | { subjectKeyId: string };

/** A CMS SignedData with one signer, as EF.SOD and master lists use it (RFC 5652). */
export interface SignedData {
  eContentType: string;
  eContent: Buffer;
  certificates: Certificate[];
  signerId: SignerId;
  digestOid: string;
  /** The signed attributes re-tagged as a SET (0x31), as the signature covers them; absent: none. */
  signedAttributes: Buffer | undefined;
  contentTypeAttribute: string | undefined;
  messageDigest: Buffer | undefined;
  signingTime: Date | undefined;
  scheme: SignatureScheme;
  signature: Buffer;
}

function readAttributes(node: Asn1): Pick<SignedData, 'contentTypeAttribute' | 'messageDigest' | 'signingTime'> {
  const found: Pick<SignedData, 'contentTypeAttribute' | 'messageDigest' | 'signingTime'> = {
    contentTypeAttribute: undefined,
    messageDigest: undefined,
    signingTime: undefined,
  };
  for (const attribute of children(node, 'signed attributes')) {
    const [type, values] = children(attribute, 'signed attribute');
    const [value] = children(values, 'signed attribute values');
    const id = oid(type, 'signed attribute type');
    if (id === contentTypeAttribute) found.contentTypeAttribute = oid(value, 'content type attribute');
    if (id === messageDigestAttribute) found.messageDigest = contents(value, 'message digest attribute');
    if (id === signingTimeAttribute && value && 'toDate' in value)
      found.signingTime = (value as { toDate(): Date }).toDate();
  }
  return found;
}

function readSignerId(node: Asn1 | undefined): SignerId {
  if (isTag(node, 'context', 0)) return { subjectKeyId: contents(node, 'signer key id').toString('hex') };
  const [issuer, serial] = children(node, 'signer id');
  return { issuerKey: readName(issuer!, 'signer issuer').key, serial: integer(serial, 'signer serial') };
}

/** Reads a ContentInfo holding a SignedData. Throws ChipFormatError on anything else. */
export function readSignedData(contentInfo: Asn1): SignedData {
  const [type, wrapped] = children(contentInfo, 'ContentInfo');
  if (oid(type, 'content type') !== signedDataOid) throw new ChipFormatError('The content is not CMS SignedData.');
  const [signedData] = children(wrapped, 'SignedData wrapper');
  const fields = children(signedData, 'SignedData');
  const [, , encapsulated] = fields;
  const [eContentType, eContentWrapper] = children(encapsulated, 'encapsulated content');
  if (!eContentWrapper) throw new ChipFormatError('The SignedData has no content.');
  const certificates = fields
    .filter((field) => isTag(field, 'context', 0))
    .flatMap((field) => children(field, 'certificates'))
    .filter((entry) => entry.idBlock.tagClass === 1) // other certificate formats are skipped
    .map(certificateFrom);
  const signerInfos = children(fields.at(-1), 'signer infos');
  if (signerInfos.length !== 1) throw new ChipFormatError(`The SignedData has ${signerInfos.length} signers, not one.`);
  const signer = children(signerInfos[0], 'signer info');
  const [, sid, digestAlgorithm, ...rest] = signer;
  const attributes = isTag(rest[0], 'context', 0) ? rest.shift() : undefined;
  const [signatureAlgorithm, signatureValue] = rest;
  const digestOid = algorithm(digestAlgorithm, 'digest algorithm').oid;
  const signedAttributes = attributes ? raw(attributes) : undefined;
  if (signedAttributes) signedAttributes[0] = 0x31; // RFC 5652 5.4: signed as a SET OF, not as [0]
  return {
    eContentType: oid(eContentType, 'eContentType'),
    eContent: contents(children(eContentWrapper, 'eContent')[0], 'eContent'),
    certificates,
    signerId: readSignerId(sid),
    digestOid,
    signedAttributes,
    ...(attributes
      ? readAttributes(attributes)
      : { contentTypeAttribute: undefined, messageDigest: undefined, signingTime: undefined }),
    scheme: signatureScheme(algorithm(signatureAlgorithm, 'signature algorithm'), digestOid),
    signature: contents(signatureValue, 'signature'),
  };
}

export const parseSignedData = (bytes: Buffer, what: string): SignedData => readSignedData(parseBer(bytes, what));

/** Whether a certificate is the one a SignerInfo names. */
export function isSigner(certificate: Certificate, id: SignerId): boolean {
  if ('subjectKeyId' in id) return certificate.subjectKeyId === id.subjectKeyId;
  return certificate.issuer.key === id.issuerKey && certificate.serial === id.serial;
}

/** What is wrong with the signature of a SignedData under a certificate's key; undefined when nothing. */
export function signatureProblem(data: SignedData, signer: Certificate): string | undefined {
  if (!data.signedAttributes) {
    return verifySignature(data.scheme, signer.publicKey, data.eContent, data.signature)
      ? undefined
      : 'The signature does not verify with the signer certificate.';
  }
  if (data.contentTypeAttribute !== data.eContentType) return 'The signed content type differs from the content.';
  const digest = createHash(digestName(data.digestOid)).update(data.eContent).digest();
  if (!data.messageDigest || !digest.equals(data.messageDigest))
    return 'The signed message digest does not match the content.';
  return verifySignature(data.scheme, signer.publicKey, data.signedAttributes, data.signature)
    ? undefined
    : 'The signature does not verify with the signer certificate.';
}
