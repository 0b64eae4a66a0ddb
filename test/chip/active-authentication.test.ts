import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyChip } from '../../src/chip/verify-chip.js';
import { dg14, dg15, ecdsaActiveAuthentication, makeKey, rsaActiveAuthentication } from '../support/chip-pki.js';
import { makeDocument } from './fixtures.js';

const today = '2025-03-01';

describe('active authentication over the server challenge', () => {
  const rsaChip = makeKey('rsa', { modulusLength: 1024 });
  const rsaDocument = makeDocument({ extraDataGroups: [[15, dg15(rsaChip)]] });
  const ecChip = makeKey('brainpoolP256r1');
  const ecDocument = makeDocument({
    extraDataGroups: [
      [14, dg14()],
      [15, dg15(ecChip)],
    ],
  });
  const challenge = randomBytes(8);

  it('accepts an RSA chip signing the fresh challenge (ISO/IEC 9796-2)', () => {
    const signature = rsaActiveAuthentication(rsaChip, challenge);
    const report = verifyChip(
      { files: rsaDocument.files, challenge: 'fresh', activeAuthentication: { challenge, signature }, today },
      rsaDocument.anchors,
    );
    expect(report.checks.find((c) => c.id === 'activeAuthentication')?.verdict).toBe('SUCCEEDED');
    expect(report.chipCloneDetection).toBe('SUCCEEDED');
    expect(report.chipVerification).toBe('SUCCEEDED');
  });

  it('accepts a brainpool chip signing with plain ECDSA, the hash named in DG14', () => {
    const signature = ecdsaActiveAuthentication(ecChip, challenge);
    const report = verifyChip(
      { files: ecDocument.files, challenge: 'fresh', activeAuthentication: { challenge, signature }, today },
      ecDocument.anchors,
    );
    expect(report.chipCloneDetection).toBe('SUCCEEDED');
  });

  it('refuses a signature over another challenge, a replayed and a foreign challenge', () => {
    const other = rsaActiveAuthentication(rsaChip, randomBytes(8));
    const wrong = verifyChip(
      { files: rsaDocument.files, challenge: 'fresh', activeAuthentication: { challenge, signature: other }, today },
      rsaDocument.anchors,
    );
    expect(wrong.checks.find((c) => c.id === 'activeAuthentication')).toMatchObject({
      verdict: 'FAILED',
      reason: expect.stringMatching(/does not verify/),
    });
    expect(wrong.chipCloneDetection).toBe('FAILED');
    // The data is still authentic: only the chip's originality is in doubt.
    expect(wrong.chipVerification).toBe('SUCCEEDED');
    const signature = rsaActiveAuthentication(rsaChip, challenge);
    const replayed = verifyChip(
      { files: rsaDocument.files, challenge: 'used', activeAuthentication: { challenge, signature }, today },
      rsaDocument.anchors,
    );
    expect(replayed.checks.find((c) => c.id === 'activeAuthentication')?.reason).toMatch(/replay/);
    expect(replayed.chipCloneDetection).toBe('FAILED');
    const foreign = verifyChip(
      { files: rsaDocument.files, challenge: 'unknown', activeAuthentication: { challenge, signature }, today },
      rsaDocument.anchors,
    );
    expect(foreign.chipCloneDetection).toBe('FAILED');
  });

  it('says what it could not check: no DG15, a DG14 only, no answer', () => {
    const plain = makeDocument();
    expect(verifyChip({ files: plain.files, challenge: 'fresh', today }, plain.anchors).chipCloneDetection).toBe(
      'NOT_SUPPORTED',
    );
    const caOnly = makeDocument({ extraDataGroups: [[14, dg14()]] });
    const caReport = verifyChip(
      { files: caOnly.files, challenge: 'fresh', chipAuthentication: 'SUCCEEDED', today },
      caOnly.anchors,
    );
    expect(caReport.checks.find((c) => c.id === 'chipAuthentication')).toMatchObject({
      verdict: 'NOT_CHECKED',
      reason: 'Cannot be verified from an upload; the app reported: SUCCEEDED.',
    });
    expect(caReport.chipCloneDetection).toBe('FAILED');
    const silent = verifyChip({ files: rsaDocument.files, challenge: 'fresh', today }, rsaDocument.anchors);
    expect(silent.checks.find((c) => c.id === 'activeAuthentication')?.verdict).toBe('NOT_CHECKED');
    expect(silent.chipCloneDetection).toBe('FAILED');
  });
});
