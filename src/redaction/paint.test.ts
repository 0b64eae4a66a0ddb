import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { blackShare, changedOutside, decode } from '../../test/support/pixels.js';
import { paintBoxes } from './paint.js';

/** A noisy image, so that any pixel changed by mistake shows. */
async function noisy(width: number, height: number, channels: 3 | 4): Promise<Buffer> {
  const data = Buffer.alloc(width * height * channels);
  for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
  if (channels === 4) for (let i = 3; i < data.length; i += 4) data[i] = (i % 3) * 60;
  return sharp(data, { raw: { width, height, channels } }).png().toBuffer();
}

describe('painting redaction boxes', () => {
  const boxes = [
    { x: 10.4, y: 5.5, width: 20, height: 8 },
    { x: 50, y: 30, width: 40, height: 40 },
  ];

  it.each([3, 4] as const)(
    'blacks out the boxes of a PNG with %i channels and changes nothing else',
    async (channels) => {
      const png = await noisy(80, 60, channels);
      const painted = await paintBoxes(png, 'image/png', boxes);
      expect(painted.subarray(1, 4).toString()).toBe('PNG');
      const [before, after] = [await decode(png), await decode(painted)];
      // Fractional edges are rounded outwards: the box is covered whole.
      expect(blackShare(after, { x: 10, y: 5, width: 21, height: 9 })).toBe(1);
      // The second box runs off the image: what is inside is covered, the image keeps its size.
      expect(blackShare(after, { x: 50, y: 30, width: 30, height: 30 })).toBe(1);
      expect([after.width, after.height]).toEqual([80, 60]);
      expect(
        changedOutside(before, after, [
          { x: 10, y: 5, width: 21, height: 9 },
          { x: 50, y: 30, width: 30, height: 30 },
        ]),
      ).toBe(0);
    },
  );

  it('keeps a JPEG a JPEG', async () => {
    const jpeg = await sharp(await noisy(64, 48, 3))
      .jpeg()
      .toBuffer();
    const painted = await paintBoxes(jpeg, 'image/jpeg', [{ x: 8, y: 8, width: 16, height: 16 }]);
    expect([...painted.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    // JPEG is lossy: the box is dark, not exactly zero.
    const after = await decode(painted);
    const at = (16 * after.width + 16) * after.channels;
    expect(Math.max(after.data[at]!, after.data[at + 1]!, after.data[at + 2]!)).toBeLessThan(8);
  });

  it('paints in the frame of the EXIF orientation, where the boxes were located', async () => {
    // A 40x20 image stored rotated (orientation 6): it shows as 20x40.
    const stored = await sharp(await noisy(40, 20, 3))
      .withMetadata({ orientation: 6 })
      .png()
      .toBuffer();
    const painted = await paintBoxes(stored, 'image/png', [{ x: 0, y: 30, width: 20, height: 10 }]);
    const after = await decode(painted);
    expect([after.width, after.height]).toEqual([20, 40]);
    expect(blackShare(after, { x: 0, y: 30, width: 20, height: 10 })).toBe(1);
    expect(blackShare(after, { x: 0, y: 0, width: 20, height: 30 })).toBe(0);
  });
});
