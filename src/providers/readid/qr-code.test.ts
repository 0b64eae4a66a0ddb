import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { formatBits, qrCode, qrCodePng } from './qr-code.js';
import { errorCorrection } from './reed-solomon.js';

const hasZbar = (() => {
  try {
    execFileSync('zbarimg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('qr code', () => {
  it("computes the error correction of the standard's worked example (01234567, version 1-M)", () => {
    const data = [16, 32, 12, 86, 97, 128, 236, 17, 236, 17, 236, 17, 236, 17, 236, 17];
    expect(errorCorrection(data, 10)).toEqual([165, 36, 212, 193, 237, 54, 199, 135, 44, 85]);
  });

  it("writes the standard's format information for level M and each mask", () => {
    const table = [
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ];
    expect(table.map((_bits, mask) => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(table);
  });

  it.each([
    [14, 1],
    [15, 2],
    [106, 6],
    [107, 7],
    [213, 10],
    [214, 11],
    [2331, 40],
  ])('fits %d bytes in version %d, the smallest that holds them at level M', (length, version) => {
    expect(qrCode('a'.repeat(length)).version).toBe(version);
  });

  it('refuses a text too long for any version', () => {
    expect(() => qrCode('a'.repeat(2332))).toThrow(RangeError);
  });

  it('draws the finder patterns and timing patterns', () => {
    const symbol = qrCode('https://example.com/readid/ready?readySessionId=1');
    const row = (y: number, from: number) =>
      symbol.dark[y]!.slice(from, from + 7)
        .map(Number)
        .join('');
    for (const [x, y] of [
      [0, 0],
      [symbol.size - 7, 0],
      [0, symbol.size - 7],
    ]) {
      expect([0, 1, 2, 3, 4, 5, 6].map((dy) => row(y! + dy, x!))).toEqual([
        '1111111',
        '1000001',
        '1011101',
        '1011101',
        '1011101',
        '1000001',
        '1111111',
      ]);
    }
    const timing = symbol.dark[6]!.slice(8, symbol.size - 8);
    expect(timing.every((dark, i) => dark === (i % 2 === 0))).toBe(true);
  });

  it('renders every module as a black or white square inside a 4-module quiet zone', async () => {
    const symbol = qrCode('ReadID');
    const { data, info } = await sharp(qrCodePng('ReadID', 2)).raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe((symbol.size + 8) * 2);
    const pixel = (mx: number, my: number) => data[((my + 4) * 2 * info.width + (mx + 4) * 2) * info.channels];
    for (let y = 0; y < symbol.size; y++) {
      for (let x = 0; x < symbol.size; x++) expect(pixel(x, y)).toBe(symbol.dark[y]![x] ? 0 : 255);
    }
    expect(data[0]).toBe(255);
  });

  // zbar is an independent decoder; it is not a project dependency, so the check runs where it is installed.
  it.skipIf(!hasZbar)('is read back by an independent decoder, from small to large versions', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qr-'));
    try {
      for (const text of ['A', 'https://example.com/readid/ready?readySessionId=é✓', 'q'.repeat(700)]) {
        const file = path.join(dir, 'code.png');
        writeFileSync(file, qrCodePng(text, 3));
        const decoded = execFileSync('zbarimg', ['-q', '--raw', file], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        expect(decoded.replace(/\n$/, '')).toBe(text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
