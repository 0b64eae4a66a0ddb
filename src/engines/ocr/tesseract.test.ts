import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrEngine, type OcrEngine } from './tesseract.js';

describe('the OCR engine', { timeout: 60_000 }, () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createOcrEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('refuses an image wider than Tesseract can take, and goes on working', async () => {
    const wide = await sharp(Buffer.alloc(40_000 * 4, 255), { raw: { width: 40_000, height: 4, channels: 1 } })
      .png()
      .toBuffer();
    await expect(engine.recognize(wide)).rejects.toThrow(/too large for OCR: 40000 x 4/);
    const text = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="900" height="90"><rect width="900" height="90" fill="white"/><text x="20" y="60" font-family="OCR B" font-size="40">L898902C36UTO7408122F1204159</text></svg>',
      ),
    )
      .greyscale()
      .png()
      .toBuffer();
    const lines = await engine.recognize(text);
    expect(lines.map((l) => l.text).join('')).toBe('L898902C36UTO7408122F1204159');
  });
});
