import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFile, sharedMaterial } from '../../../test/support/shared-material.js';
import { createFaceEngine } from '../face/engine.js';
import type { FaceEngine } from '../face/types.js';
import { checkImage } from './check-image.js';
import { InvalidImageError } from './decode.js';

const DOCUMENT = corpusFile('images/mrz/arg0s1080-mrz/passports/Czech_Republic.png');
const corpus = sharedMaterial('the corpus document scan', DOCUMENT);

/** A sharp, colourful 1200x800 test card: coloured tiles of every hue, thin dark lines, no pure white. */
async function syntheticCard(): Promise<Buffer> {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const tiles: string[] = [];
  for (let row = 0; row < 8; row++) {
    for (let col = 0; col < 12; col++) {
      const hue = Math.floor(random() * 360);
      tiles.push(`<rect x="${col * 100}" y="${row * 100}" width="100" height="100" fill="hsl(${hue},55%,70%)"/>`);
      for (let k = 0; k < 4; k++) {
        const y = row * 100 + 15 + k * 22;
        tiles.push(
          `<rect x="${col * 100 + 12}" y="${y}" width="${30 + Math.floor(random() * 55)}" height="3" fill="#202830"/>`,
        );
      }
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">${tiles.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** The degraded copies each check must catch. */
const variants = {
  // Gaussian blur of 0.5% of the longest side: a clearly out-of-focus photo.
  blurred: async (image: Buffer) => {
    const { width = 0, height = 0 } = await sharp(image).metadata();
    return sharp(image)
      .blur(Math.max(width, height) * 0.005)
      .png()
      .toBuffer();
  },
  greyscale: (image: Buffer) => sharp(image).grayscale().png().toBuffer(),
  // A sepia print: luminance times a brown tint, as a photocopy or an old print of the document would look.
  sepia: (image: Buffer) => {
    const luma = [0.299, 0.587, 0.114];
    const tint = [1, 0.85, 0.62];
    const matrix = tint.map((t) => luma.map((l) => l * t)) as [
      [number, number, number],
      [number, number, number],
      [number, number, number],
    ];
    return sharp(image).removeAlpha().recomb(matrix).png().toBuffer();
  },
  overexposed: (image: Buffer) => sharp(image).linear(1.8, 40).png().toBuffer(),
};

let faceEngine: FaceEngine;
beforeAll(async () => {
  faceEngine = await createFaceEngine();
});
afterAll(async () => {
  await faceEngine?.close();
});

describe('checkImage', () => {
  it('passes a sharp colour image of good resolution on every check', async () => {
    const checks = await checkImage(await syntheticCard());
    expect(checks.resolution).toEqual({ value: 800, passed: true, threshold: 600 });
    expect(checks.blur.passed).toBe(true);
    expect(checks.glare).toMatchObject({ value: 0, passed: true });
    expect(checks.blackAndWhite.passed).toBe(true);
    expect(checks.facePresent).toBeUndefined();
  });

  it.each(Object.keys(variants) as (keyof typeof variants)[])(
    'fails the %s copy of the synthetic image on its check only',
    async (name) => {
      const original = await checkImage(await syntheticCard());
      const checks = await checkImage(await variants[name](await syntheticCard()));
      const failing = { blurred: 'blur', greyscale: 'blackAndWhite', sepia: 'blackAndWhite', overexposed: 'glare' }[
        name
      ];
      expect(checks[failing as 'blur'].passed, JSON.stringify(checks[failing as 'blur'])).toBe(false);
      expect(original[failing as 'blur'].passed).toBe(true);
    },
  );

  it.skipIf(!corpus)('passes a real colour document scan and fails its degraded copies', async () => {
    const document = readFileSync(DOCUMENT);
    const checks = await checkImage(document, { faceEngine });
    expect(checks.blur.passed).toBe(true);
    expect(checks.glare.passed).toBe(true);
    expect(checks.blackAndWhite.passed).toBe(true);
    // The main portrait is found. The smaller ghost portrait was found too before the detector levelled faces
    // by roll (issue 17's tilted heads); since then it is missed on this 545x370 scan, so only the main one counts.
    expect(checks.facePresent).toMatchObject({ passed: true, threshold: 1 });
    expect(checks.facePresent?.value).toBeGreaterThanOrEqual(1);
    // 545x370: too small for reliable MRZ reading, and the check says so.
    expect(checks.resolution).toMatchObject({ value: 370, passed: false });
    expect((await checkImage(await variants.blurred(document))).blur.passed).toBe(false);
    expect((await checkImage(await variants.greyscale(document))).blackAndWhite.passed).toBe(false);
    expect((await checkImage(await variants.sepia(document))).blackAndWhite.passed).toBe(false);
    expect((await checkImage(await variants.overexposed(document))).glare.passed).toBe(false);
  });

  it('judges the MRZ character pitch when a text box is given', async () => {
    const card = await syntheticCard();
    const wide = await checkImage(card, { textBox: { x: 20, y: 700, width: 1100, height: 40, charactersPerLine: 44 } });
    expect(wide.resolution.characterPitch).toEqual({ value: 25, passed: true, threshold: 15 });
    expect(wide.resolution.passed).toBe(true);
    const narrow = await checkImage(card, {
      textBox: { x: 20, y: 700, width: 440, height: 20, charactersPerLine: 44 },
    });
    expect(narrow.resolution.characterPitch).toMatchObject({ value: 10, passed: false });
    expect(narrow.resolution.passed).toBe(false);
  });

  it('measures glare inside the document box only', async () => {
    // A white margin around a coloured document: glare in the whole frame, none on the document.
    const framed = await sharp(await syntheticCard())
      .extend({ top: 300, bottom: 300, left: 300, right: 300, background: '#ffffff' })
      .png()
      .toBuffer();
    const whole = (await checkImage(framed)).glare;
    expect(whole.passed).toBe(false);
    // The white frame is one connected spot around the whole picture.
    expect(whole.regions).toEqual([{ x: 0, y: 0, width: 1800, height: 1400 }]);
    const inside = await checkImage(framed, { documentBox: { x: 300, y: 300, width: 1200, height: 800 } });
    expect(inside.glare).toMatchObject({ value: 0, passed: true, regions: [] });
  });

  it('says where the glare is: the blown-out spots, largest first, in the image pixels', async () => {
    // Two blown-out spots on the colourful card (which has no pure white): a large ellipse and a small square.
    const spots =
      '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">' +
      '<ellipse cx="820" cy="300" rx="150" ry="90" fill="#fff"/><rect x="100" y="560" width="60" height="60" fill="#fff"/></svg>';
    const glaring = await sharp(await syntheticCard())
      .composite([{ input: Buffer.from(spots) }])
      .png()
      .toBuffer();
    const { glare } = await checkImage(glaring);
    expect(glare.regions).toHaveLength(2);
    // Measured on a copy 512 px wide, so a box edge may be off by about 1200 / 512 px, and a little more for antialiasing.
    const near = (box: (typeof glare.regions)[number], x: number, y: number, width: number, height: number) => {
      for (const [found, wanted] of [
        [box.x, x],
        [box.y, y],
        [box.x + box.width, x + width],
        [box.y + box.height, y + height],
      ] as const) {
        expect(Math.abs(found - wanted), JSON.stringify(box)).toBeLessThanOrEqual(6);
      }
    };
    near(glare.regions[0]!, 670, 210, 300, 180);
    near(glare.regions[1]!, 100, 560, 60, 60);

    expect((await checkImage(await syntheticCard())).glare.regions).toEqual([]);
  });

  it('reports no face on an image without one, and rejects what is not an image', async () => {
    expect((await checkImage(await syntheticCard(), { faceEngine })).facePresent).toEqual({
      value: 0,
      passed: false,
      threshold: 1,
    });
    await expect(checkImage(Buffer.from('%PDF-1.7'))).rejects.toBeInstanceOf(InvalidImageError);
  });
});
