import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ProcessRecord } from '../../core/domain.js';
import { createResponse } from './create-response.js';
import { qrCodePng } from './qr-code.js';

/** What an independent decoder (jsQR, a phone camera's kind of reader) finds in a PNG. */
async function decode(png: Buffer) {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const found = jsQR.default(new Uint8ClampedArray(data), info.width, info.height);
  return found && { text: new TextDecoder().decode(Uint8Array.from(found.binaryData)), version: found.version };
}

/** The image's pixels as modules of `moduleSize` pixels, each true when dark; fails on a mixed module. */
async function modules(png: Buffer, moduleSize: number): Promise<boolean[][]> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  expect(info.width).toBe(info.height);
  expect(info.width % moduleSize).toBe(0);
  const count = info.width / moduleSize;
  return Array.from({ length: count }, (_, my) =>
    Array.from({ length: count }, (_, mx) => {
      const values = new Set<number>();
      for (let y = my * moduleSize; y < (my + 1) * moduleSize; y++) {
        for (let x = mx * moduleSize; x < (mx + 1) * moduleSize; x++) values.add(data[y * info.width + x]!);
      }
      expect([...values].every((v) => v === 0 || v === 255) && values.size === 1).toBe(true);
      return values.has(0);
    }),
  );
}

describe('qr code', () => {
  it('is read back by an independent decoder, from small to large versions', async () => {
    for (const text of ['A', 'https://example.com/readid/ready?readySessionId=é✓', 'q'.repeat(700)]) {
      expect((await decode(qrCodePng(text, 3)))?.text).toBe(text);
    }
  });

  it('draws black and white square modules inside a 4-module light quiet zone', async () => {
    const grid = await modules(qrCodePng('ReadID', 2), 2);
    const side = grid.length;
    for (let i = 0; i < side; i++) {
      for (let q = 0; q < 4; q++) {
        expect([grid[q]![i], grid[side - 1 - q]![i], grid[i]![q], grid[i]![side - 1 - q]]).toEqual([
          false,
          false,
          false,
          false,
        ]);
      }
    }
    // The top-left finder pattern starts right inside the quiet zone.
    expect(grid[4]!.slice(4, 11)).toEqual([true, true, true, true, true, true, true]);
    expect(grid[5]!.slice(4, 11)).toEqual([true, false, false, false, false, false, true]);
  });

  it.each([
    [14, 1],
    [15, 2],
    [213, 10],
    [214, 11],
  ])(
    'puts %d bytes in version %d, the smallest that holds them at error correction level M',
    async (length, version) => {
      const png = qrCodePng('a'.repeat(length), 3);
      const { width } = await sharp(png).metadata();
      expect(width / 3 - 8).toBe(17 + 4 * version);
      expect(await decode(png)).toEqual({ text: 'a'.repeat(length), version });
    },
  );

  it("opens the Ready process's universal link when scanned from its create response", async () => {
    const process = { id: 'p1', processType: 'ready', createdAt: 0 } as ProcessRecord;
    const response = createResponse({ process, publicUrl: 'https://assure.example.com/' });
    const png = Buffer.from(response.base64QRCode!, 'base64');
    expect((await sharp(png).metadata()).format).toBe('png');
    expect((await decode(png))?.text).toBe(response.universalLink);
  });
});
