import {
  constants,
  createHash,
  generateKeyPairSync,
  privateEncrypt,
  randomBytes,
  sign,
  type KeyObject,
} from 'node:crypto';
import { checkDigit } from '../../src/engines/mrz/index.js';
import {
  bits,
  bool,
  ctx,
  ctxPrimitive,
  int,
  nul,
  octets,
  oid,
  printable,
  seq,
  set,
  time,
  tlv,
  utf8,
} from './chip-der.js';

/**
 * The test PKI for chip verification: CSCAs, Document Signers, master lists, CRLs and SODs over
 * generated data groups, in every algorithm passive authentication accepts, built with Node's crypto
 * and the DER writer beside this file. Nothing here belongs to a real person or country authority.
 */

export type KeyAlgorithm =
  'rsa' | 'rsa-pss' | 'p256' | 'p384' | 'brainpoolP256r1' | 'brainpoolP384r1' | 'brainpoolP512r1';
const curves: Record<string, string> = {
  p256: 'prime256v1',
  p384: 'secp384r1',
  brainpoolP256r1: 'brainpoolP256r1',
  brainpoolP384r1: 'brainpoolP384r1',
  brainpoolP512r1: 'brainpoolP512r1',
};

export interface KeyPair {
  algorithm: KeyAlgorithm;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** SubjectPublicKeyInfo, DER; with explicit curve parameters when asked for. */
  spki: Buffer;
}

export function makeKey(
  algorithm: KeyAlgorithm,
  options: { explicit?: boolean; modulusLength?: number } = {},
): KeyPair {
  const pair =
    algorithm === 'rsa' || algorithm === 'rsa-pss'
      ? generateKeyPairSync('rsa', { modulusLength: options.modulusLength ?? 2048 })
      : generateKeyPairSync('ec', {
          namedCurve: curves[algorithm]!,
          paramEncoding: options.explicit ? 'explicit' : 'named',
        });
  return { algorithm, ...pair, spki: pair.publicKey.export({ type: 'spki', format: 'der' }) };
}

const hashOids: Record<string, string> = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
};
const rsaOids: Record<string, string> = {
  sha1: '1.2.840.113549.1.1.5',
  sha256: '1.2.840.113549.1.1.11',
  sha384: '1.2.840.113549.1.1.12',
  sha512: '1.2.840.113549.1.1.13',
};
const ecdsaOids: Record<string, string> = {
  sha1: '1.2.840.10045.4.1',
  sha256: '1.2.840.10045.4.3.2',
  sha384: '1.2.840.10045.4.3.3',
  sha512: '1.2.840.10045.4.3.4',
};

export const hashAlgorithm = (hash: string) => seq(oid(hashOids[hash]!), nul());

/** How a key signs: RSA keys sign PKCS#1 v1.5 unless made for PSS, EC keys ECDSA (DER). */
export function signatureAlgorithm(key: KeyPair, hash: string, saltLength = 32): Buffer {
  if (key.algorithm === 'rsa') return seq(oid(rsaOids[hash]!), nul());
  if (key.algorithm === 'rsa-pss') {
    return seq(
      oid('1.2.840.113549.1.1.10'),
      seq(
        ctx(0, hashAlgorithm(hash)),
        ctx(1, seq(oid('1.2.840.113549.1.1.8'), hashAlgorithm(hash))),
        ctx(2, int(saltLength)),
      ),
    );
  }
  return seq(oid(ecdsaOids[hash]!));
}

export function signWith(key: KeyPair, hash: string, data: Buffer, saltLength = 32): Buffer {
  if (key.algorithm === 'rsa-pss') {
    return sign(hash, data, { key: key.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength });
  }
  return sign(hash, data, key.privateKey);
}

export interface Party {
  name: { C: string; O?: string; CN: string };
  key: KeyPair;
  certificate: Buffer;
  serial: bigint;
  keyId: Buffer;
}

export const encodeName = (name: Party['name']) =>
  seq(
    set(seq(oid('2.5.4.6'), printable(name.C))),
    ...(name.O ? [set(seq(oid('2.5.4.10'), utf8(name.O)))] : []),
    set(seq(oid('2.5.4.3'), utf8(name.CN))),
  );

const extension = (id: string, critical: boolean, value: Buffer) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));

export interface CertificateOptions {
  name: Party['name'];
  key: KeyPair;
  /** The issuer; the certificate is self-signed when absent. */
  issuer?: Party;
  ca: boolean;
  notBefore?: Date;
  notAfter?: Date;
  hash?: string;
  serial?: bigint;
  /** digitalSignature for signers, keyCertSign + cRLSign for CAs, unless given. */
  keyUsage?: number;
}

let nextSerial = 0x1000n;

export function issue(options: CertificateOptions): Party {
  const serial = options.serial ?? nextSerial++;
  const keyId = createHash('sha1').update(options.key.spki).digest();
  const signer = options.issuer?.key ?? options.key;
  const hash = options.hash ?? 'sha256';
  const sigAlg = signatureAlgorithm(signer, hash);
  const keyUsage = options.keyUsage ?? (options.ca ? 0x06 : 0x80);
  const extensions = [
    extension('2.5.29.14', false, octets(keyId)),
    extension('2.5.29.35', false, seq(ctxPrimitive(0, options.issuer?.keyId ?? keyId))),
    extension('2.5.29.15', true, tlv(0x03, Buffer.from([1, keyUsage]))),
    ...(options.ca ? [extension('2.5.29.19', true, seq(bool(true)))] : []),
  ];
  const tbs = seq(
    ctx(0, int(2)),
    int(serial),
    sigAlg,
    encodeName(options.issuer?.name ?? options.name),
    seq(
      time(options.notBefore ?? new Date('2020-01-01T00:00:00Z')),
      time(options.notAfter ?? new Date('2040-01-01T00:00:00Z')),
    ),
    encodeName(options.name),
    options.key.spki,
    ctx(3, seq(...extensions)),
  );
  const certificate = seq(tbs, sigAlg, bits(signWith(signer, hash, tbs)));
  return { name: options.name, key: options.key, certificate, serial, keyId };
}

export const csca = (country: string, key: KeyPair, extra: Partial<CertificateOptions> = {}) =>
  issue({ name: { C: country, O: 'Test Authority', CN: `CSCA ${country} test` }, key, ca: true, ...extra });

/**
 * A CSCA link certificate: the CSCA's new key under its unchanged name, signed with its previous key
 * (`previous` may itself be a link). Document signers issued with the returned party chain through it.
 */
export const linkCertificate = (previous: Party, key: KeyPair, extra: Partial<CertificateOptions> = {}) =>
  issue({ name: previous.name, key, issuer: previous, ca: true, ...extra });

export const documentSigner = (issuer: Party, key: KeyPair, extra: Partial<CertificateOptions> = {}) =>
  issue({
    name: { C: issuer.name.C, O: 'Test Authority', CN: `DS ${issuer.name.C} test` },
    key,
    issuer,
    ca: false,
    ...extra,
  });

/** A CRL from `issuer` listing `revoked` serials. */
export function revocationList(issuer: Party, revoked: readonly bigint[], hash = 'sha256'): Buffer {
  const sigAlg = signatureAlgorithm(issuer.key, hash);
  const entries = revoked.map((serial) => seq(int(serial), time(new Date('2024-06-01T00:00:00Z'))));
  const tbs = seq(
    int(1),
    sigAlg,
    encodeName(issuer.name),
    time(new Date('2024-06-01T00:00:00Z')),
    time(new Date('2034-06-01T00:00:00Z')),
    ...(entries.length > 0 ? [seq(...entries)] : []),
  );
  return seq(tbs, sigAlg, bits(signWith(issuer.key, hash, tbs)));
}

export interface SignedDataOptions {
  eContentType: string;
  eContent: Buffer;
  signer: Party;
  hash?: string;
  /** Leave the signer's certificate out of the SignedData. */
  withoutCertificate?: boolean;
  /** Name the signer by subject key identifier (SignerInfo v3) instead of issuer and serial. */
  signerBySubjectKeyId?: boolean;
  /** Replace the signature algorithm (e.g. a bare rsaEncryption). */
  signatureAlgorithm?: Buffer;
  /** Sign ECDSA as r‖s rather than DER. */
  plainEcdsa?: boolean;
  signingTime?: Date;
  /** Change a byte of the signature. */
  breakSignature?: boolean;
  /** More certificates for the SignedData's set (e.g. CSCA link certificates). */
  extraCertificates?: readonly Buffer[];
}

/** A CMS ContentInfo(SignedData) with signed attributes, as SODs and master lists are. */
export function signedData(options: SignedDataOptions): Buffer {
  const hash = options.hash ?? 'sha256';
  const { signer } = options;
  const attributes = [
    seq(oid('1.2.840.113549.1.9.3'), set(oid(options.eContentType))),
    seq(oid('1.2.840.113549.1.9.5'), set(time(options.signingTime ?? new Date('2024-01-15T10:00:00Z')))),
    seq(oid('1.2.840.113549.1.9.4'), set(octets(createHash(hash).update(options.eContent).digest()))),
  ];
  const toSign = set(...attributes);
  let signature =
    options.plainEcdsa === true
      ? sign(hash, toSign, { key: signer.key.privateKey, dsaEncoding: 'ieee-p1363' })
      : signWith(signer.key, hash, toSign);
  if (options.breakSignature) {
    signature = Buffer.from(signature);
    signature[signature.length - 5]! ^= 0x01;
  }
  const sid = options.signerBySubjectKeyId
    ? ctxPrimitive(0, signer.keyId)
    : seq(extractIssuer(signer.certificate), int(signer.serial));
  const signerInfo = seq(
    int(options.signerBySubjectKeyId ? 3 : 1),
    sid,
    hashAlgorithm(hash),
    ctx(0, ...attributes),
    options.signatureAlgorithm ?? signatureAlgorithm(signer.key, hash),
    octets(signature),
  );
  const content = seq(
    int(3),
    set(hashAlgorithm(hash)),
    seq(oid(options.eContentType), ctx(0, octets(options.eContent))),
    ...(options.withoutCertificate && !options.extraCertificates
      ? []
      : [ctx(0, ...(options.withoutCertificate ? [] : [signer.certificate]), ...(options.extraCertificates ?? []))]),
    set(signerInfo),
  );
  return seq(oid('1.2.840.113549.1.7.2'), ctx(0, content));
}

/** The issuer Name of a certificate this module wrote, cut out of its DER. */
function extractIssuer(certificate: Buffer): Buffer {
  let at = 0;
  const header = (position: number) => {
    const first = certificate[position + 1]!;
    if (first < 0x80) return { start: position + 2, length: first };
    const count = first & 0x7f;
    return { start: position + 2 + count, length: certificate.readUIntBE(position + 2, count) };
  };
  const outer = header(at);
  const tbs = header(outer.start);
  at = tbs.start;
  const skip = () => {
    const h = header(at);
    at = h.start + h.length;
  };
  skip(); // version
  skip(); // serial
  skip(); // signature algorithm
  const issuer = header(at);
  return certificate.subarray(at, issuer.start + issuer.length);
}

/** A CSCA master list (ICAO 9303-12 §9), signed by `signer`. */
export const masterList = (certificates: readonly Buffer[], signer: Party, extra: Partial<SignedDataOptions> = {}) =>
  signedData({ eContentType: '2.23.136.1.1.2', eContent: seq(int(0), set(...certificates)), signer, ...extra });

// ——— data groups ———

/** A passport MRZ (TD3) with correct check digits; dates YYMMDD. */
export function td3Mrz(fields: {
  state: string;
  surname: string;
  given: string;
  number: string;
  birth: string;
  sex: string;
  expiry: string;
}): string[] {
  const name = `${fields.surname}<<${fields.given.replace(/ /g, '<')}`.padEnd(39, '<').slice(0, 39);
  const line1 = `P<${fields.state}${name}`;
  const number = fields.number.padEnd(9, '<');
  const personal = '<'.repeat(14);
  const parts = [
    number + checkDigit(number),
    fields.state,
    fields.birth + checkDigit(fields.birth),
    fields.sex,
    fields.expiry + checkDigit(fields.expiry),
    personal + checkDigit(personal),
  ];
  const composite = parts[0]! + parts[2]! + parts[4]! + parts[5]!;
  return [line1, parts.join('') + checkDigit(composite)];
}

export const sampleMrz = td3Mrz({
  state: 'NLD',
  surname: 'TESTPERSON',
  given: 'ANNA MARIA',
  number: 'XA1234567',
  birth: '900115',
  sex: 'F',
  expiry: '340120',
});

export const dg1 = (lines: readonly string[] = sampleMrz) =>
  tlv(0x61, tlv([0x5f, 0x1f], Buffer.from(lines.join(''), 'latin1')));

/** A DG2 with one face: CBEFF around an ISO/IEC 19794-5 record around the image. */
export function dg2(image: Buffer): Buffer {
  const facialInfo = Buffer.alloc(20);
  facialInfo.writeUInt32BE(20 + 12 + image.length, 0);
  const imageInfo = Buffer.alloc(12);
  const recordLength = 14 + facialInfo.length + imageInfo.length + image.length;
  const header = Buffer.concat([Buffer.from('FAC\x00010\x00', 'latin1'), Buffer.alloc(4), Buffer.from([0, 1])]);
  header.writeUInt32BE(recordLength, 8);
  const record = Buffer.concat([header, facialInfo, imageInfo, image]);
  return tlv(
    0x75,
    tlv(
      [0x7f, 0x61],
      tlv(0x02, Buffer.from([1])),
      tlv([0x7f, 0x60], tlv(0xa1, tlv(0x80, Buffer.from([1, 1]))), tlv([0x5f, 0x2e], record)),
    ),
  );
}

export const dg11 = (fields: { fullName?: string; personalNumber?: string; placeOfBirth?: string }) =>
  tlv(
    0x6b,
    tlv(0x5c, Buffer.from([0x5f, 0x0e, 0x5f, 0x10, 0x5f, 0x11])),
    ...(fields.fullName ? [tlv([0x5f, 0x0e], Buffer.from(fields.fullName))] : []),
    ...(fields.personalNumber ? [tlv([0x5f, 0x10], Buffer.from(fields.personalNumber))] : []),
    ...(fields.placeOfBirth ? [tlv([0x5f, 0x11], Buffer.from(fields.placeOfBirth))] : []),
  );

/** DG12 with the issuing authority and the date of issue (YYYYMMDD). */
export const dg12 = (dateOfIssue: string, authority = 'TEST AUTHORITY') =>
  tlv(
    0x6c,
    tlv(0x5c, Buffer.from([0x5f, 0x19, 0x5f, 0x26])),
    tlv([0x5f, 0x19], Buffer.from(authority)),
    tlv([0x5f, 0x26], Buffer.from(dateOfIssue)),
  );

/** DG14 announcing ECDSA Active Authentication with SHA-256 (plain r‖s). */
export const dg14 = () => tlv(0x6e, set(seq(oid('2.23.136.1.1.5'), int(1), oid('0.4.0.127.0.7.1.1.4.1.3'))));

export const dg15 = (key: KeyPair) => tlv(0x6f, key.spki);

export interface SodOptions extends Partial<Omit<SignedDataOptions, 'eContent' | 'signer'>> {
  dataGroupHash?: string;
  /** Extra or replaced hashes by data group number (e.g. to leave one out). */
  omit?: readonly number[];
}

/** An EF.SOD over `dataGroups`, signed by `signer`. */
export function sod(dataGroups: ReadonlyMap<number, Buffer>, signer: Party, options: SodOptions = {}): Buffer {
  const hash = options.dataGroupHash ?? 'sha256';
  const entries = [...dataGroups]
    .filter(([number]) => !options.omit?.includes(number))
    .map(([number, file]) => seq(int(number), octets(createHash(hash).update(file).digest())));
  const lds = seq(int(0), hashAlgorithm(hash), seq(...entries));
  return tlv(0x77, signedData({ eContentType: '2.23.136.1.1.1', eContent: lds, signer, ...options }));
}

/** Active Authentication by an RSA chip: ISO/IEC 9796-2 scheme 1 with SHA-1 (trailer BC). */
export function rsaActiveAuthentication(key: KeyPair, challenge: Buffer): Buffer {
  const size = key.publicKey.asymmetricKeyDetails!.modulusLength! / 8;
  const m1 = randomBytes(size - 1 - 20 - 1);
  const digest = createHash('sha1').update(m1).update(challenge).digest();
  const message = Buffer.concat([Buffer.from([0x6a]), m1, digest, Buffer.from([0xbc])]);
  return privateEncrypt({ key: key.privateKey, padding: constants.RSA_NO_PADDING }, message);
}

/** Active Authentication by an EC chip: plain r‖s ECDSA over the challenge. */
export const ecdsaActiveAuthentication = (key: KeyPair, challenge: Buffer, hash = 'sha256') =>
  sign(hash, challenge, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
