import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTrustStore } from '../../src/chip/trust-store.js';
import { verifyChip } from '../../src/chip/verify-chip.js';
import { csca, issue, makeKey, masterList, revocationList } from '../support/chip-pki.js';
import { makeDocument } from './fixtures.js';

const pem = (der: Buffer, label = 'CERTIFICATE') =>
  `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;

describe('the trust store (OPENASSURE_CSCA_PATH)', () => {
  let dir: string;
  const document = makeDocument({ country: 'NL' });
  const german = csca('DE', makeKey('brainpoolP384r1', { explicit: true }));
  const mlSigner = issue({
    name: { C: 'DE', CN: 'Master List Signer DE test' },
    key: makeKey('brainpoolP256r1'),
    issuer: german,
    ca: false,
  });
  const stranger = csca('FR', makeKey('p256'));
  const strangerSigner = issue({
    name: { C: 'FR', CN: 'ML signer FR' },
    key: makeKey('p256'),
    issuer: stranger,
    ca: false,
  });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'openassure-csca-'));
    await writeFile(join(dir, 'nl.pem'), pem(document.cscaParty.certificate));
    // The German master list carries the Dutch CSCA too, as ICAO's and national lists carry other countries'.
    await writeFile(join(dir, 'de.ml'), masterList([german.certificate, document.cscaParty.certificate], mlSigner));
    await writeFile(
      join(dir, 'broken.ml'),
      masterList([stranger.certificate], strangerSigner, { breakSignature: true }),
    );
    await writeFile(
      join(dir, 'unsigned-by-list.ml'),
      masterList([csca('BE', makeKey('p256')).certificate], strangerSigner),
    );
    await writeFile(join(dir, 'nl.crl'), pem(revocationList(document.cscaParty, [document.signer.serial]), 'X509 CRL'));
    await writeFile(join(dir, 'fr.crl'), revocationList(stranger, []));
    await writeFile(join(dir, 'notes.txt'), 'not a certificate');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('trusts certificates and master lists whose signatures hold, and says why it refused the rest', async () => {
    const trust = await loadTrustStore(dir);
    expect(trust.trusted.map((t) => [t.certificate.subject.text, t.source.slice(dir.length + 1)])).toEqual([
      ['C=NL, O=Test Authority, CN=CSCA NL test', 'nl.pem'],
      ['C=DE, O=Test Authority, CN=CSCA DE test', 'de.ml'],
    ]);
    const refused = Object.fromEntries(trust.refused.map((r) => [r.file.slice(dir.length + 1), r.reason]));
    expect(refused).toEqual({
      'broken.ml': 'The master list signature is not valid: The signature does not verify with the signer certificate.',
      'unsigned-by-list.ml': 'The master list signer was not issued by a CSCA in the list or already trusted.',
      'fr.crl': 'The CRL is not signed by a trusted CSCA.',
      'notes.txt': 'not a certificate (.pem .crt .cer .der), master list (.ml .p7m .p7b .bin) or CRL (.crl).',
    });
    expect(trust.revocationLists).toHaveLength(1);
  });

  it('uses the loaded CSCAs and CRLs in passive authentication', async () => {
    const trust = await loadTrustStore(dir);
    const report = verifyChip({ files: document.files, challenge: 'reported', today: '2025-03-01' }, trust);
    expect(report.checks.find((c) => c.id === 'chain')?.verdict).toBe('SUCCEEDED');
    expect(report.checks.find((c) => c.id === 'documentSignerRevocation')?.verdict).toBe('FAILED');
  });

  it('reads a single master list file', async () => {
    const trust = await loadTrustStore(join(dir, 'de.ml'));
    expect(trust.certificates.map((c) => c.subject.country)).toEqual(['DE', 'NL']);
  });
});
