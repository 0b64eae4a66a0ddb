import sharp from 'sharp';
import type { Grey } from './grey.js';

/** Larger inputs are refused before decoding (decompression bombs), as in decodeGrey. */
const maxInputPixels = 50_000_000;

/**
 * Decodes an image into grey levels where only dark, neutral ink stays dark. OCR-B ink is black or
 * near it, while security printing (guilloches, rainbow backgrounds, microtext) is coloured: adding
 * each pixel's chroma (max - min over the channels) to its luminance lifts coloured lines towards
 * white and leaves grey ink as it was, so the patterns running through the MRZ fade before the band
 * is located and recognised. Throws on input that is not an image.
 */
export async function decodeInk(image: Buffer): Promise<Grey> {
  const { data, info } = await sharp(image, { limitInputPixels: maxInputPixels })
    .autoOrient()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const pixels = info.width * info.height;
  const out = new Uint8Array(pixels);
  if (channels < 3) {
    for (let i = 0; i < pixels; i++) out[i] = data[i * channels]!;
    return { width: info.width, height: info.height, data: out };
  }
  for (let i = 0, j = 0; i < pixels; i++, j += channels) {
    const r = data[j]!;
    const g = data[j + 1]!;
    const b = data[j + 2]!;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const value = 0.299 * r + 0.587 * g + 0.114 * b + (max - min);
    out[i] = value > 255 ? 255 : Math.round(value);
  }
  return { width: info.width, height: info.height, data: out };
}
