import { describe, expect, it } from 'vitest';
import { verifyChip, type ChipInput } from '../../src/chip/verify-chip.js';
import type { TrustAnchors } from '../../src/chip/trust-anchors.js';
import { indefinite, nul, oid, seq } from '../support/chip-der.js';
import {
  csca,
  dg1,
  documentSigner,
  makeKey,
  revocationList,
  sod,
  td3Mrz,
  type KeyAlgorithm,
} from '../support/chip-pki.js';
import { anchorsOf, makeDocument, type Document } from './fixtures.js';

const today = '2025-03-01';
const run = (document: Pick<Document, 'files'>, anchors: TrustAnchors, extra: Partial<ChipInput> = {}) =>
  verifyChip({ files: document.files, challenge: 'reported', today, ...extra }, anchors);
const verdictOf = (report: ReturnType<typeof verifyChip>, id: string) => report.checks.find((c) => c.id === id);

describe('passive authentication across algorithms', () => {
  const cases: {
    name: string;
    csca: [KeyAlgorithm, boolean];
    ds: [KeyAlgorithm, boolean];
    hash: string;
    algorithm: string;
  }[] = [
    {
      name: 'RSA PKCS#1 v1.5',
      csca: ['rsa', false],
      ds: ['rsa', false],
      hash: 'sha256',
      algorithm: 'rsa-pkcs1-sha256',
    },
    { name: 'RSA-PSS', csca: ['rsa-pss', false], ds: ['rsa-pss', false], hash: 'sha256', algorithm: 'rsa-pss-sha256' },
    { name: 'ECDSA P-256', csca: ['p256', false], ds: ['p256', false], hash: 'sha256', algorithm: 'ecdsa-sha256' },
    { name: 'ECDSA P-384', csca: ['p384', false], ds: ['p384', false], hash: 'sha384', algorithm: 'ecdsa-sha384' },
    {
      name: 'brainpoolP256r1',
      csca: ['brainpoolP256r1', false],
      ds: ['brainpoolP256r1', false],
      hash: 'sha256',
      algorithm: 'ecdsa-sha256',
    },
    {
      name: 'brainpoolP384r1 explicit CSCA, P256r1 explicit DS',
      csca: ['brainpoolP384r1', true],
      ds: ['brainpoolP256r1', true],
      hash: 'sha256',
      algorithm: 'ecdsa-sha256',
    },
    {
      name: 'brainpoolP512r1 explicit, SHA-512',
      csca: ['brainpoolP512r1', true],
      ds: ['brainpoolP384r1', true],
      hash: 'sha512',
      algorithm: 'ecdsa-sha512',
    },
  ];
  for (const c of cases) {
    it(`verifies a document signed with ${c.name}`, () => {
      const document = makeDocument({
        cscaKey: makeKey(c.csca[0], { explicit: c.csca[1] }),
        signerKey: makeKey(c.ds[0], { explicit: c.ds[1] }),
        hash: c.hash,
      });
      const report = run(document, document.anchors);
      expect(report.checks.filter((check) => check.verdict === 'FAILED')).toEqual([]);
      expect(report.chipVerification).toBe('SUCCEEDED');
      expect(report.algorithm).toBe(c.algorithm);
      expect(report.dataGroups.map((g) => [g.dataGroup, g.verdict])).toEqual([
        [1, 'SUCCEEDED'],
        [2, 'SUCCEEDED'],
        [11, 'SUCCEEDED'],
        [12, 'SUCCEEDED'],
      ]);
      expect(report.trustAnchor?.subject).toBe('C=NL, O=Test Authority, CN=CSCA NL test');
    });
  }

  it('reads the MRZ and the DG11/DG12 details once they are verified', () => {
    const document = makeDocument();
    const report = run(document, document.anchors);
    expect(report.mrz?.[0]).toMatch(/^P<NLDTESTPERSON<<ANNA<MARIA/);
    expect(report.details).toMatchObject({
      fullName: 'TESTPERSON, ANNA MARIA',
      personalNumber: '123456782',
      placeOfBirth: 'AMSTERDAM',
      dateOfIssue: '2024-01-15',
      issuingAuthority: 'TEST AUTHORITY',
    });
  });

  it('accepts the encodings documents in the wild use', () => {
    const cscaParty = csca('NL', makeKey('rsa'));
    const signer = documentSigner(cscaParty, makeKey('rsa'));
    const ecCsca = csca('NL', makeKey('brainpoolP256r1'));
    const ecSigner = documentSigner(ecCsca, makeKey('brainpoolP256r1'));
    const groups = makeDocument().dataGroups;
    const variants = {
      'signer named by key identifier': sod(groups, signer, { signerBySubjectKeyId: true }),
      'bare rsaEncryption signature algorithm': sod(groups, signer, {
        signatureAlgorithm: seq(oid('1.2.840.113549.1.1.1'), nul()),
      }),
      'SHA-1 data group hashes': sod(groups, signer, { dataGroupHash: 'sha1' }),
      'ECDSA written as r‖s': sod(groups, ecSigner, { plainEcdsa: true }),
    };
    for (const [name, file] of Object.entries(variants)) {
      const anchors = anchorsOf([cscaParty, ecCsca]);
      const report = run({ files: { sod: file, dataGroups: groups } }, anchors);
      expect(report.chipVerification, name).toBe('SUCCEEDED');
    }
    // BER with an indefinite length around the SOD, as some countries write it.
    const definite = sod(groups, signer);
    const berSod = indefinite(0x77, definite.subarray(definite[1]! & 0x80 ? 2 + (definite[1]! & 0x7f) : 2));
    expect(run({ files: { sod: berSod, dataGroups: groups } }, anchorsOf([cscaParty])).chipVerification).toBe(
      'SUCCEEDED',
    );
  });
});

describe('passive authentication failures, each with its reason', () => {
  it('a data group changed after signing', () => {
    const document = makeDocument();
    const changed = new Map(document.dataGroups);
    changed.set(
      1,
      dg1(
        td3Mrz({
          state: 'NLD',
          surname: 'OTHER',
          given: 'ANNA',
          number: 'XA1234567',
          birth: '900115',
          sex: 'F',
          expiry: '340120',
        }),
      ),
    );
    const report = run({ files: { sod: document.files.sod, dataGroups: changed } }, document.anchors);
    expect(report.chipVerification).toBe('FAILED');
    expect(report.dataGroups[0]).toMatchObject({
      dataGroup: 1,
      verdict: 'FAILED',
      reason: expect.stringMatching(/changed/),
    });
    expect(verdictOf(report, 'dataGroupHashes')?.verdict).toBe('FAILED');
    expect(report.mrz).toBeUndefined();
  });

  it('a data group the SOD does not list', () => {
    const document = makeDocument({ sodOptions: { omit: [11] } });
    const report = run(document, document.anchors);
    expect(report.chipVerification).toBe('FAILED');
    expect(report.dataGroups.find((g) => g.dataGroup === 11)).toMatchObject({
      verdict: 'FAILED',
      reason: 'Uploaded but not listed in the SOD.',
    });
  });

  it('a wrong signature', () => {
    const document = makeDocument({ sodOptions: { breakSignature: true } });
    const report = run(document, document.anchors);
    expect(report.chipVerification).toBe('FAILED');
    expect(verdictOf(report, 'sodSignature')).toMatchObject({
      verdict: 'FAILED',
      reason: expect.stringMatching(/does not verify/),
    });
  });

  it('an unknown CSCA', () => {
    const document = makeDocument();
    const stranger = csca('NL', makeKey('p256'));
    const report = run(document, anchorsOf([stranger]));
    expect(report.chipVerification).toBe('FAILED');
    expect(verdictOf(report, 'chain')).toMatchObject({
      verdict: 'FAILED',
      reason: expect.stringMatching(/No trusted CSCA/),
    });
  });

  it('a DS certificate expired, or not yet valid, on the date of issue', () => {
    const expired = makeDocument({
      signerOptions: { notBefore: new Date('2020-01-01Z'), notAfter: new Date('2023-12-31Z') },
    });
    const early = makeDocument({
      signerOptions: { notBefore: new Date('2024-02-01Z'), notAfter: new Date('2034-12-31Z') },
    });
    expect(verdictOf(run(expired, expired.anchors), 'documentSignerValidity')).toMatchObject({
      verdict: 'FAILED',
      reason: 'The DS certificate had expired on the date of issue 2024-01-15 (DG12).',
    });
    expect(verdictOf(run(early, early.anchors), 'documentSignerValidity')).toMatchObject({
      verdict: 'FAILED',
      reason: 'The DS certificate was not yet valid on the date of issue 2024-01-15 (DG12).',
    });
    expect(run(early, early.anchors).chipVerification).toBe('FAILED');
  });

  it('a revoked DS certificate', () => {
    const document = makeDocument();
    const revoked = anchorsOf([document.cscaParty], [revocationList(document.cscaParty, [document.signer.serial])]);
    const report = run(document, revoked);
    expect(report.chipVerification).toBe('FAILED');
    expect(verdictOf(report, 'documentSignerRevocation')).toMatchObject({
      verdict: 'FAILED',
      reason: expect.stringMatching(/revoked on 2024-06-01/),
    });
    const clean = anchorsOf([document.cscaParty], [revocationList(document.cscaParty, [12345n])]);
    expect(verdictOf(run(document, clean), 'documentSignerRevocation')?.verdict).toBe('SUCCEEDED');
    expect(verdictOf(run(document, document.anchors), 'documentSignerRevocation')?.verdict).toBe('NOT_CHECKED');
  });

  it("a CSCA signing another country's document", () => {
    const document = makeDocument({ country: 'DE' });
    const report = run(document, document.anchors);
    expect(verdictOf(report, 'documentSignerCountry')).toMatchObject({
      verdict: 'FAILED',
      reason: 'The DS certificate is from DE but DG1 names NLD.',
    });
    expect(report.chipVerification).toBe('FAILED');
  });

  it('a SOD without its DS certificate', () => {
    const document = makeDocument({ sodOptions: { withoutCertificate: true } });
    expect(verdictOf(run(document, document.anchors), 'documentSigner')?.verdict).toBe('FAILED');
  });

  it('an SOD that is not one', () => {
    const document = makeDocument();
    const report = run(
      { files: { sod: Buffer.from('77030102', 'hex'), dataGroups: document.dataGroups } },
      document.anchors,
    );
    expect(report.chipVerification).toBe('FAILED');
    expect(report.checks[0]).toMatchObject({ id: 'sod', verdict: 'FAILED' });
  });

  it('a document without DG2 does not pass', () => {
    const document = makeDocument();
    const groups = new Map(document.dataGroups);
    groups.delete(2);
    const report = run({ files: { sod: document.files.sod, dataGroups: groups } }, document.anchors);
    expect(report.dataGroups[1]).toMatchObject({ dataGroup: 2, verdict: 'NOT_PRESENT' });
    expect(report.chipVerification).toBe('FAILED');
  });
});
