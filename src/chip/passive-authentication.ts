import { createHash } from 'node:crypto';
import { findCountry } from '../core/countries.js';
import { schemeName } from './algorithms.js';
import { ChipFormatError } from './asn1.js';
import type { Certificate } from './certificate.js';
import { buildChain, type Chain } from './chain.js';
import { isSigner, signatureProblem } from './cms.js';
import { isSignedBy } from './crl.js';
import { readSecurityObject, type SecurityObject } from './lds.js';
import { check, type Check, type DataGroupCheck } from './report.js';
import type { TrustAnchors } from './trust-anchors.js';

export interface PassiveAuthenticationInput {
  sod: Buffer;
  /** Data group number → the file as read from the chip. */
  dataGroups: ReadonlyMap<number, Buffer>;
  /** When the document was issued (DG12), to judge the Document Signer's validity; else the SOD's signing time. */
  dateOfIssue: string | undefined;
  /** The issuing state from DG1 (alpha-3, `D` for Germany). */
  issuingState: string | undefined;
}

export interface PassiveAuthenticationResult {
  checks: Check[];
  dataGroups: DataGroupCheck[];
  algorithm?: string;
  dataGroupHash?: string;
  signingTime?: string;
  documentSigner?: CertificateSummary;
  trustAnchor?: CertificateSummary;
  /** Link certificates between the DS certificate and the trust anchor, nearest the DS first. */
  linkCertificates?: CertificateSummary[];
  /** Data groups whose hash matched the signed SOD: only these may be believed. */
  verified: ReadonlySet<number>;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
}

const summary = (c: Certificate): CertificateSummary => ({
  subject: c.subject.text,
  issuer: c.issuer.text,
  serialNumber: c.serial.toString(16),
  notBefore: c.notBefore.toISOString(),
  notAfter: c.notAfter.toISOString(),
  sha256: c.fingerprint,
});

/** Each uploaded data group hashed as received and compared with the SOD; listed but absent ones noted. */
function dataGroupChecks(sod: SecurityObject, dataGroups: ReadonlyMap<number, Buffer>): DataGroupCheck[] {
  const numbers = [...new Set([...sod.hashes.keys(), ...dataGroups.keys()])].sort((a, b) => a - b);
  return numbers.map((dataGroup) => {
    const expected = sod.hashes.get(dataGroup);
    const file = dataGroups.get(dataGroup);
    if (!file) return { dataGroup, verdict: 'NOT_PRESENT', reason: 'Listed in the SOD but not uploaded.' };
    // A data group the SOD does not sign could be anything the app wanted to add.
    if (!expected) return { dataGroup, verdict: 'FAILED', reason: 'Uploaded but not listed in the SOD.' };
    const actual = createHash(sod.hash).update(file).digest();
    return actual.equals(expected)
      ? { dataGroup, verdict: 'SUCCEEDED', reason: `The ${sod.hash} hash matches the SOD.` }
      : {
          dataGroup,
          verdict: 'FAILED',
          reason: `The ${sod.hash} hash differs from the SOD: the data group was changed.`,
        };
  });
}

/** The date the DS certificate must have been valid on: the issue date, else the SOD's signing time. */
function validityCheck(signer: Certificate, sod: SecurityObject, dateOfIssue: string | undefined): Check {
  const when = dateOfIssue ? new Date(`${dateOfIssue}T12:00:00Z`) : sod.signed.signingTime;
  if (!when) {
    return check(
      'documentSignerValidity',
      'NOT_AVAILABLE',
      'Neither DG12 nor the SOD gives the date the document was signed.',
    );
  }
  const source = dateOfIssue ? `the date of issue ${dateOfIssue} (DG12)` : `the signing time ${when.toISOString()}`;
  // Dates of issue are whole days: a DS certificate valid from later on the same day still counts.
  const day = 86_400_000;
  if (when.getTime() + (dateOfIssue ? day / 2 : 0) < signer.notBefore.getTime()) {
    return check('documentSignerValidity', 'FAILED', `The DS certificate was not yet valid on ${source}.`);
  }
  if (when.getTime() - (dateOfIssue ? day / 2 : 0) > signer.notAfter.getTime()) {
    return check('documentSignerValidity', 'FAILED', `The DS certificate had expired on ${source}.`);
  }
  return check('documentSignerValidity', 'SUCCEEDED', `The DS certificate was valid on ${source}.`);
}

/** The DS serial on a CRL of the CSCA key that issued it (the last link's, after a rollover). */
function revocationCheck(anchors: TrustAnchors, signer: Certificate, chain: Chain): Check {
  const issuer = chain.links[0] ?? chain.anchor;
  const lists = anchors.revocationLists.filter((list) => isSignedBy(list, issuer));
  if (lists.length === 0) return check('documentSignerRevocation', 'NOT_CHECKED', 'No CRL of this CSCA is configured.');
  const revokedOn = lists.map((list) => list.revoked.get(signer.serial)).find((date) => date !== undefined);
  return revokedOn
    ? check('documentSignerRevocation', 'FAILED', `The DS certificate was revoked on ${revokedOn.toISOString()}.`)
    : check('documentSignerRevocation', 'SUCCEEDED', `Not on the CSCA's CRL (${lists.length} checked).`);
}

function countryCheck(signer: Certificate, issuingState: string | undefined): Check {
  if (!issuingState) return check('documentSignerCountry', 'NOT_PRESENT', 'No DG1 to read the issuing state from.');
  const state = issuingState.replace(/</g, '');
  const alpha2 = state === 'D' ? 'DE' : findCountry(state)?.alpha2;
  const country = signer.issuer.country;
  if (!country) return check('documentSignerCountry', 'FAILED', 'The DS certificate names no issuing country.');
  // A CSCA may sign only its own country's documents; otherwise one rogue CSCA could sign any country's.
  return alpha2 === country
    ? check('documentSignerCountry', 'SUCCEEDED', `Issued by ${country}, the issuing state in DG1.`)
    : check('documentSignerCountry', 'FAILED', `The DS certificate is from ${country} but DG1 names ${state}.`);
}

/**
 * Passive Authentication (ICAO 9303-11 §5.1): the SOD's signature, the Document Signer certificate
 * and its chain to a trusted CSCA, and each data group's hash. Never throws on bad input: a file that
 * cannot be read is a FAILED check with the reason.
 */
export function passiveAuthentication(
  input: PassiveAuthenticationInput,
  anchors: TrustAnchors,
): PassiveAuthenticationResult {
  let sod: SecurityObject;
  try {
    sod = readSecurityObject(input.sod);
  } catch (error) {
    const reason =
      error instanceof ChipFormatError ? error.message : `EF.SOD cannot be read: ${(error as Error).message}`;
    return { checks: [check('sod', 'FAILED', reason)], dataGroups: [], verified: new Set() };
  }
  const checks: Check[] = [check('sod', 'SUCCEEDED', `EF.SOD lists data groups ${[...sod.hashes.keys()].join(', ')}.`)];
  const dataGroups = dataGroupChecks(sod, input.dataGroups);
  checks.push(
    dataGroups.some((g) => g.verdict === 'FAILED')
      ? check('dataGroupHashes', 'FAILED', 'At least one data group does not match its hash in the SOD.')
      : check('dataGroupHashes', 'SUCCEEDED', 'Every uploaded data group matches its hash in the SOD.'),
  );
  const result = {
    dataGroups,
    algorithm: schemeName(sod.signed.scheme),
    dataGroupHash: sod.hash,
    ...(sod.signed.signingTime && { signingTime: sod.signed.signingTime.toISOString() }),
  };
  const signer = sod.signed.certificates.find((c) => isSigner(c, sod.signed.signerId));
  if (!signer) {
    checks.push(check('documentSigner', 'FAILED', 'The SOD does not carry the Document Signer certificate it names.'));
    return { ...result, checks, verified: new Set() };
  }
  const problem = signatureProblem(sod.signed, signer);
  checks.push(
    problem
      ? check('sodSignature', 'FAILED', problem)
      : check('sodSignature', 'SUCCEEDED', 'The SOD signature verifies with the DS certificate.'),
  );
  checks.push(
    signer.keyUsage && !signer.keyUsage.digitalSignature
      ? check('documentSigner', 'FAILED', 'The DS certificate is not for digital signatures.')
      : check('documentSigner', 'SUCCEEDED', `Document Signer ${signer.subject.text}.`),
  );
  checks.push(validityCheck(signer, sod, input.dateOfIssue));
  checks.push(countryCheck(signer, input.issuingState));
  // Certificates the SOD carries besides the DS may be link certificates to a CSCA we trust.
  const links = sod.signed.certificates.filter((c) => c !== signer);
  const chain = buildChain(anchors, signer, links);
  if (!chain) {
    checks.push(check('chain', 'FAILED', `No trusted CSCA issued the DS certificate (issuer ${signer.issuer.text}).`));
  } else {
    const through = chain.links.length === 0 ? '' : ` through ${chain.links.length} link certificate(s) in the SOD`;
    checks.push(check('chain', 'SUCCEEDED', `Issued by the trusted CSCA ${chain.anchor.subject.text}${through}.`));
    checks.push(revocationCheck(anchors, signer, chain));
  }
  const anchor = chain?.anchor;
  const signatureTrusted = !problem && anchor !== undefined;
  const verified = new Set(
    signatureTrusted ? dataGroups.filter((g) => g.verdict === 'SUCCEEDED').map((g) => g.dataGroup) : [],
  );
  return {
    ...result,
    checks,
    verified,
    documentSigner: summary(signer),
    ...(anchor && { trustAnchor: summary(anchor) }),
    ...(chain && chain.links.length > 0 && { linkCertificates: chain.links.map(summary) }),
  };
}
