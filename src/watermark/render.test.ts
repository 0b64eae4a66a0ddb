import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'tesseract.js';
import { englishOcr } from '../../test/support/english-ocr.js';
import { makeImage } from '../../test/support/images.js';
import { renderWatermark, watermarkSvg } from './render.js';

const text = { title: 'NORDBANK', description: 'Mortgage application', date: '2024-01-10' };

async function rgb(bytes: Buffer) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean absolute channel difference of each tile of a `grid` x `grid` split of the two images. */
async function tileDifferences(before: Buffer, after: Buffer, grid: number): Promise<number[]> {
  const a = await rgb(before);
  const b = await rgb(after);
  const tiles: number[] = [];
  for (let ty = 0; ty < grid; ty++) {
    for (let tx = 0; tx < grid; tx++) {
      let sum = 0;
      let count = 0;
      for (let y = Math.floor((ty * a.height) / grid); y < Math.floor(((ty + 1) * a.height) / grid); y++) {
        for (let x = Math.floor((tx * a.width) / grid); x < Math.floor(((tx + 1) * a.width) / grid); x++) {
          for (let c = 0; c < 3; c++) {
            const i = (y * a.width + x) * 3 + c;
            sum += Math.abs(a.data[i]! - b.data[i]!);
            count++;
          }
        }
      }
      tiles.push(sum / count);
    }
  }
  return tiles;
}

describe('renderWatermark', () => {
  let ocr: Worker;
  beforeAll(async () => {
    ocr = await englishOcr();
  }, 60_000);
  afterAll(async () => {
    await ocr.terminate();
  });

  it.each(['png', 'jpeg'] as const)('keeps the format and size of a %s', async (format) => {
    const input = await makeImage(format, 640, 400);
    const output = await renderWatermark(input, format, text);
    expect(await sharp(output).metadata()).toMatchObject({ format, width: 640, height: 400 });
  });

  it('marks every region of the image without destroying it', async () => {
    for (const [width, height] of [
      [900, 600],
      [300, 1200],
      [250, 120],
    ] as const) {
      const input = await makeImage('png', width, height);
      const output = await renderWatermark(input, 'png', text);
      const tiles = await tileDifferences(input, output, 8);
      // Every tile is crossed by some diagonal text...
      expect(Math.min(...tiles), `${width}x${height}`).toBeGreaterThan(1.5);
      // ...while, away from the caption band, the picture stays visible underneath (a lossless PNG
      // untouched would differ by 0; text everywhere at full strength by about 100).
      const aboveCaption = tiles.slice(0, 8 * 4);
      expect(aboveCaption.reduce((s, d) => s + d, 0) / aboveCaption.length, `${width}x${height}`).toBeLessThan(20);
    }
  });

  it('writes a caption that OCR reads back', async () => {
    const input = await makeImage('png', 900, 600);
    const output = await renderWatermark(input, 'png', text);
    const band = await sharp(output).extract({ left: 0, top: 360, width: 900, height: 240 }).png().toBuffer();
    const { data } = await ocr.recognize(band);
    expect(data.text).toContain('NORDBANK');
    expect(data.text).toContain('2024-01-10');
  }, 60_000);

  it('draws caller text as text, never as markup', () => {
    const svg = watermarkSvg(400, 300, {
      title: '<image href="file:///etc/passwd"/>',
      description: 'a&b',
      date: '2024-01-10',
    });
    expect(svg).not.toContain('<image');
    expect(svg).toContain('&lt;image href=&quot;file:///etc/passwd&quot;/&gt;');
  });
});
