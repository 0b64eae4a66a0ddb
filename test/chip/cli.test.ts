import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { dg15, dg2, makeKey, rsaActiveAuthentication, sod } from '../support/chip-pki.js';
import { encodeJ2k, wrapJp2 } from '../support/jpeg2000.js';
import { runCli } from '../cli/run-cli.js';
import { makeDocument } from './fixtures.js';

describe('openassure chip verify and csca list', () => {
  let dir: string;
  const chipKey = makeKey('rsa', { modulusLength: 1024 });
  const document = makeDocument({ extraDataGroups: [[15, dg15(chipKey)]] });
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'openassure-chip-cli-'));
    mkdirSync(path.join(dir, 'trust'));
    mkdirSync(path.join(dir, 'read'));
    writeFileSync(path.join(dir, 'trust', 'nl.der'), document.cscaParty.certificate);
    writeFileSync(path.join(dir, 'trust', 'readme.txt'), 'hello');
    writeFileSync(path.join(dir, 'read', 'sod.bin'), document.files.sod);
    for (const [number, file] of document.dataGroups) writeFileSync(path.join(dir, 'read', `dg${number}.bin`), file);
    const challenge = randomBytes(8);
    writeFileSync(path.join(dir, 'read', 'aa-challenge.bin'), challenge);
    writeFileSync(path.join(dir, 'read', 'aa-signature.bin'), rsaActiveAuthentication(chipKey, challenge));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints every check of a chip read, as JSON', async () => {
    const env = { OPENASSURE_CSCA_PATH: path.join(dir, 'trust') };
    const result = await runCli(['chip', 'verify', path.join(dir, 'read'), '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as {
      chipVerification: string;
      chipCloneDetection: string;
      checks: { id: string; verdict: string; reason: string }[];
    };
    expect(report.chipVerification).toBe('SUCCEEDED');
    expect(report.chipCloneDetection).toBe('SUCCEEDED');
    expect(report.checks.find((c) => c.id === 'activeAuthentication')?.reason).toMatch(/no server issued it/);
    expect(report.checks.map((c) => c.id)).toEqual([
      'sod',
      'dataGroupHashes',
      'sodSignature',
      'documentSigner',
      'documentSignerValidity',
      'documentSignerCountry',
      'chain',
      'documentSignerRevocation',
      'dg1Mrz',
      'activeAuthentication',
      'chipAuthentication',
    ]);
  });

  it('fails with exit code 1 when no CSCA vouches for the document', async () => {
    const result = await runCli(['chip', 'verify', path.join(dir, 'read')], {});
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/FAIL chain: No trusted CSCA issued the DS certificate/);
    expect(result.stderr).toMatch(/no CSCA is trusted/);
  });

  it('lists the trusted CSCAs and the files refused', async () => {
    const result = await runCli(['csca', 'list', '--csca', path.join(dir, 'trust'), '--json'], {});
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      country: 'NL',
      subject: 'C=NL, O=Test Authority, CN=CSCA NL test',
      source: path.join(dir, 'trust', 'nl.der'),
    });
    expect(lines[1]).toMatchObject({ file: path.join(dir, 'trust', 'readme.txt') });
    expect((await runCli(['csca', 'list'], {})).code).toBe(2);
  });

  it('verifies a chip whose face is JPEG 2000 and writes the face out decoded, or says why it cannot', async () => {
    const face = await sharp({ create: { width: 120, height: 160, channels: 3, background: '#a07860' } })
      .png()
      .toBuffer();
    const codestream = await encodeJ2k(face);
    const env = { OPENASSURE_CSCA_PATH: path.join(dir, 'trust') };
    for (const [name, image, expected] of [
      ['jp2', wrapJp2(codestream, { width: 120, height: 160, components: 3 }), /PNG, decoded from JP2/],
      ['cut', codestream.subarray(0, codestream.length >> 1), /cannot be decoded: .*truncated or corrupt/],
    ] as const) {
      const folder = path.join(dir, name);
      mkdirSync(folder);
      const groups = new Map(document.dataGroups).set(2, dg2(image));
      writeFileSync(path.join(folder, 'sod.bin'), sod(groups, document.signer));
      for (const [number, file] of groups) writeFileSync(path.join(folder, `dg${number}.bin`), file);
      const out = path.join(folder, 'portrait.png');
      const result = await runCli(['chip', 'verify', folder, '--portrait', out], env);
      // The face is signed data either way: its decoding does not change the chip's verdict.
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/ok {3}DG2: The sha256 hash matches the SOD/);
      expect(result.stderr).toMatch(expected);
      if (name === 'jp2') {
        const meta = await sharp(out).metadata();
        expect([meta.format, meta.width, meta.height]).toEqual(['png', 120, 160]);
      } else {
        await expect(sharp(out).metadata()).rejects.toThrow();
      }
    }
    // Two runs of the command line, each starting tsx: slow on a loaded machine.
  }, 150_000);
});
