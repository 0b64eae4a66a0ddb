import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../src/chip/trust-store.js';
import type { TrustAnchors } from '../../src/chip/trust-anchors.js';
import { verifyChip } from '../../src/chip/verify-chip.js';
import { csca, documentSigner, linkCertificate, makeKey, masterList, sod, type Party } from '../support/chip-pki.js';
import { anchorsOf, makeDocument } from './fixtures.js';

// A CSCA rolls its key over: CSCA(old) signs a link certificate for its new key, which signs the DS.
// The verifier may trust only the old root; the link certificate rides in the SOD or a master list.
const today = '2025-03-01';
const oldRoot = csca('NL', makeKey('p256'));
const newKey = makeKey('brainpoolP256r1');
const link = linkCertificate(oldRoot, newKey);
// The new CSCA's own self-signed certificate, which the verifier does not have.
const newRoot = csca('NL', newKey);

function documentUnder(issuer: Party, sodCertificates: readonly Buffer[] = []) {
  const base = makeDocument();
  const signer = documentSigner(issuer, makeKey('p256'));
  return { sod: sod(base.dataGroups, signer, { extraCertificates: sodCertificates }), dataGroups: base.dataGroups };
}

const verify = (files: ReturnType<typeof documentUnder>, anchors: TrustAnchors) => {
  const report = verifyChip({ files, challenge: 'reported', today }, anchors);
  return { report, chain: report.checks.find((c) => c.id === 'chain') };
};

describe('CSCA link certificates', () => {
  it('follows a link certificate carried in the SOD to the only trusted, older root', () => {
    const { report, chain } = verify(documentUnder(link, [link.certificate]), anchorsOf([oldRoot]));
    expect(chain).toMatchObject({ verdict: 'SUCCEEDED', reason: expect.stringMatching(/through 1 link certificate/) });
    expect(report.chipVerification).toBe('SUCCEEDED');
    expect(report.trustAnchor?.serialNumber).toBe(oldRoot.serial.toString(16));
    expect(report.linkCertificates?.map((c) => c.serialNumber)).toEqual([link.serial.toString(16)]);
  });

  it('follows two rollovers, the links in any order in the SOD', () => {
    const secondKey = makeKey('p384');
    const second = linkCertificate(link, secondKey);
    const { report, chain } = verify(
      documentUnder(second, [second.certificate, link.certificate].reverse()),
      anchorsOf([oldRoot]),
    );
    expect(chain).toMatchObject({ verdict: 'SUCCEEDED', reason: expect.stringMatching(/through 2 link certificate/) });
    expect(report.linkCertificates?.map((c) => c.serialNumber)).toEqual(
      [second.serial, link.serial].map((s) => s.toString(16)),
    );
  });

  it('fails without the link certificate, and with a self-signed new root the verifier does not trust', () => {
    expect(verify(documentUnder(link), anchorsOf([oldRoot])).chain?.verdict).toBe('FAILED');
    const selfSigned = verify(documentUnder(link, [newRoot.certificate]), anchorsOf([oldRoot]));
    expect(selfSigned.chain?.verdict).toBe('FAILED');
    expect(selfSigned.report.chipVerification).toBe('FAILED');
  });

  it('refuses a forged link certificate: same name and key identifiers, signed by a stranger', () => {
    const impostor = { ...oldRoot, key: makeKey('p256') };
    const forged = linkCertificate(impostor, newKey);
    const { report, chain } = verify(documentUnder(forged, [forged.certificate]), anchorsOf([oldRoot]));
    expect(chain).toMatchObject({ verdict: 'FAILED', reason: expect.stringMatching(/No trusted CSCA/) });
    expect(report.chipVerification).toBe('FAILED');
    // A link certificate is never a CA for anything else: one that is not a CA key breaks the chain.
    const notCa = linkCertificate(oldRoot, newKey, { ca: false, keyUsage: 0x80 });
    expect(verify(documentUnder(notCa, [notCa.certificate]), anchorsOf([oldRoot])).chain?.verdict).toBe('FAILED');
  });

  it('trusts a link certificate from a master list signed under the old root, with only the old root on disk', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'openassure-link-'));
    const listSigner = documentSigner(oldRoot, makeKey('p256'), {
      name: { C: 'NL', O: 'Test Authority', CN: 'Master List Signer NL' },
    });
    writeFileSync(path.join(dir, 'old-root.der'), oldRoot.certificate);
    writeFileSync(path.join(dir, 'nl.ml'), masterList([link.certificate], listSigner));
    const store = await loadTrustStore(dir);
    expect(store.refused).toEqual([]);
    const { chain } = verify(documentUnder(link), store);
    expect(chain).toMatchObject({ verdict: 'SUCCEEDED' });
  });
});
