import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeJ2k, wrapJp2 } from '../../../test/support/jpeg2000.js';
import { decodeJpeg2000 } from './decode.js';
import { Jpeg2000Error, readJpeg2000Header } from './header.js';

/** A test card with structure in every channel: a gradient, a disc and bars. */
async function testCard(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#203060"/><stop offset="1" stop-color="#f0c080"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <circle cx="${width / 2}" cy="${height / 2.5}" r="${width / 4}" fill="#c04030"/>
    <rect x="0" y="${height * 0.8}" width="${width / 3}" height="${height / 10}" fill="#10a040"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Mean absolute difference per sample between two images of the same size. */
async function difference(a: Buffer, b: Buffer): Promise<number> {
  const [x, y] = await Promise.all([a, b].map((image) => sharp(image).removeAlpha().raw().toBuffer()));
  expect(x!.length).toBe(y!.length);
  let sum = 0;
  for (let i = 0; i < x!.length; i++) sum += Math.abs(x![i]! - y![i]!);
  return sum / x!.length;
}

const refusal = async (file: Buffer) => {
  const error = await decodeJpeg2000(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(Jpeg2000Error);
  return (error as Error).message;
};

describe('JPEG 2000 decoding', () => {
  let card: Buffer;
  let j2k: Buffer;
  beforeAll(async () => {
    card = await testCard(240, 320);
    j2k = await encodeJ2k(card);
  });

  it('decodes a raw codestream and the same codestream in a JP2 file to the picture that was encoded', async () => {
    const jp2 = wrapJp2(j2k, { width: 240, height: 320, components: 3 });
    for (const file of [j2k, jp2]) {
      const png = await decodeJpeg2000(file);
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height, meta.channels]).toEqual(['png', 240, 320, 3]);
      // Lossy at 1:20: close to the original, far from a blank or shifted image.
      expect(await difference(png, card)).toBeLessThan(4);
    }
    const widened = await sharp(card).extend({ left: 12, background: '#000' }).png().toBuffer();
    const shifted = await sharp(widened).extract({ left: 0, top: 0, width: 240, height: 320 }).png().toBuffer();
    expect(await difference(await decodeJpeg2000(j2k), shifted)).toBeGreaterThan(10);
  });

  it('decodes a greyscale portrait to one channel', async () => {
    const png = await decodeJpeg2000(await encodeJ2k(card, { grey: true }));
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([240, 320, 1]);
  });

  it('refuses a truncated or corrupt codestream, never returning a partial image', async () => {
    expect(await refusal(j2k.subarray(0, 30))).toMatch(/cut short inside its SIZ/);
    for (const cut of [120, Math.floor(j2k.length / 2), j2k.length - 64]) {
      expect(await refusal(j2k.subarray(0, cut))).toMatch(/truncated or corrupt/);
    }
    // The module recovers: the next good image decodes.
    expect((await sharp(await decodeJpeg2000(j2k)).metadata()).width).toBe(240);
  });

  it('refuses an image over the size limits by its header, before decoding it', async () => {
    const bomb = Buffer.from(j2k);
    bomb.writeUInt32BE(40_000, 8); // Xsiz
    bomb.writeUInt32BE(40_000, 12); // Ysiz
    const started = performance.now();
    expect(await refusal(bomb)).toMatch(/40000×40000 pixels, over the limit/);
    expect(performance.now() - started).toBeLessThan(50);
    expect(() => readJpeg2000Header(j2k, { maxSide: 200, maxPixels: 1e6 })).toThrow(/over the limit of 200 a side/);
  });

  it('refuses malformed JP2 boxes and codestream headers with the reason', async () => {
    const jp2 = wrapJp2(j2k, { width: 240, height: 320, components: 3 });
    expect(await refusal(jp2.subarray(0, jp2.length - 100))).toMatch(/box "jp2c" runs past the file/);
    expect(await refusal(jp2.subarray(0, 40))).toMatch(/no codestream box|runs past the file/);
    expect(await refusal(Buffer.from('not a jpeg 2000 image at all'))).toMatch(/SOC and SIZ/);
    const components = Buffer.from(j2k);
    components.writeUInt16BE(900, 40);
    expect(await refusal(components)).toMatch(/900 components/);
  });
});
