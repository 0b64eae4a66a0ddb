import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWordOcr, type WordOcr } from './words.js';

describe('word OCR', () => {
  let ocr: WordOcr;
  beforeAll(async () => {
    ocr = await createWordOcr();
  });
  afterAll(async () => {
    await ocr.close();
  });

  it('reads scattered printed words with their boxes and lines, offline', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="300">
      <rect width="900" height="300" fill="#f4f1e8"/>
      <text x="60" y="80" font-family="DejaVu Sans" font-size="22" fill="#445">PERSONAL No.</text>
      <text x="60" y="120" font-family="DejaVu Sans" font-weight="bold" font-size="32" fill="#222">123456782</text>
      <text x="520" y="240" font-family="DejaVu Sans" font-size="32" fill="#222">AMSTERDAM</text>
    </svg>`;
    const words = await ocr.read(await sharp(Buffer.from(svg)).png().toBuffer());
    const number = words.find((word) => word.text === '123456782');
    expect(number).toBeDefined();
    // The digits are drawn from x = 60 with their baseline at y = 120, 32 px high.
    expect(number!.box.x).toBeGreaterThanOrEqual(55);
    expect(number!.box.x).toBeLessThan(66);
    expect(number!.box.y).toBeGreaterThan(90);
    expect(number!.box.y + number!.box.height).toBeLessThan(128);
    const city = words.find((word) => word.text === 'AMSTERDAM');
    expect(city!.line).not.toBe(number!.line);
    expect(number!.confidence).toBeGreaterThan(50);
  });
});
