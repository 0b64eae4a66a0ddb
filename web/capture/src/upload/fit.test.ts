import { describe, expect, it } from 'vitest';
import {
  encodeForUpload,
  encodeWithin,
  fitWithin,
  LONG_SIDES,
  MAX_LONG_SIDE,
  QUALITIES,
  SERVER_MAX_BYTES,
  TARGET_BYTES,
} from './fit';

describe('fitting a photo for upload', () => {
  it('scales the long side down to 2560 px and keeps the shape', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: MAX_LONG_SIDE, height: 1920 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1920, height: MAX_LONG_SIDE });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(1280, 720)).toEqual({ width: 1280, height: 720 });
  });

  it('lowers the JPEG quality only until the photo fits in 1.5 MB', async () => {
    const tried: number[] = [];
    // A photo whose size falls with the quality, as JPEG's does: 2.4 MB at 0.9, about 1.4 MB at 0.74.
    const encode = async (quality: number) => {
      tried.push(quality);
      return new Blob([new Uint8Array(Math.round(quality ** 3 * 3.3 * 1024 * 1024))]);
    };
    const { blob, quality } = await encodeWithin(encode);
    expect(quality).toBe(0.74);
    expect(tried).toEqual([0.9, 0.82, 0.74]);
    expect(blob.size).toBeLessThanOrEqual(TARGET_BYTES);
  });

  it('keeps the smallest try when even the lowest quality is too large', async () => {
    const { quality } = await encodeWithin(async () => new Blob([new Uint8Array(TARGET_BYTES + 1)]));
    expect(quality).toBe(QUALITIES[QUALITIES.length - 1]);
  });

  it("draws a photo smaller when even the lowest quality leaves it over the server's 4 MB", async () => {
    const tried: string[] = [];
    // Noise-like: 6 MB at any quality when 2560 px long, a quarter of that at 1280 px.
    const encodeAt = async (side: number, quality: number) => {
      tried.push(`${side}@${quality}`);
      return new Blob([new Uint8Array(Math.round(6 * 1024 * 1024 * (side / MAX_LONG_SIDE) ** 2))]);
    };
    const blob = await encodeForUpload(encodeAt);
    expect(blob.size).toBeLessThanOrEqual(SERVER_MAX_BYTES);
    expect(tried.filter((attempt) => attempt.startsWith(`${MAX_LONG_SIDE}@`))).toHaveLength(QUALITIES.length);
    expect(tried.at(-1)).toBe(`1920@${QUALITIES[QUALITIES.length - 1]}`);
  });

  it('keeps drawing at 2560 px a photo that fits the server at some quality', async () => {
    const blob = await encodeForUpload(async (side) => new Blob([new Uint8Array(side === LONG_SIDES[0] ? 100 : 1)]));
    expect(blob.size).toBe(100);
  });
});
