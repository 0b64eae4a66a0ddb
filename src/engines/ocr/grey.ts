import sharp from 'sharp';

/** An 8-bit single-channel image, row-major. */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A float image for intermediate results (gradients, morphology). */
export interface Field {
  width: number;
  height: number;
  data: Float32Array;
}

/** Larger inputs are refused before decoding (decompression bombs); 50 MP covers any phone camera. */
const maxInputPixels = 50_000_000;

/**
 * Decodes any image sharp reads into grey levels, upright per its EXIF orientation.
 * Throws on input that is not an image.
 */
export async function decodeGrey(image: Buffer): Promise<Grey> {
  const { data, info } = await sharp(image, { limitInputPixels: maxInputPixels })
    .autoOrient()
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`expected 1 channel, got ${info.channels}`);
  return { width: info.width, height: info.height, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

/** Averages `factor` x `factor` blocks: a cheap, alias-free reduction for the locator. */
export function shrink(image: Grey, factor: number): Field {
  const width = Math.floor(image.width / factor);
  const height = Math.floor(image.height / factor);
  const out = new Float32Array(width * height);
  const area = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let dy = 0; dy < factor; dy++) {
      const row = (y * factor + dy) * image.width;
      for (let x = 0; x < width; x++) {
        let sum = 0;
        const start = row + x * factor;
        for (let dx = 0; dx < factor; dx++) sum += image.data[start + dx]!;
        out[y * width + x]! += sum;
      }
    }
  }
  for (let i = 0; i < out.length; i++) out[i]! /= area;
  return { width, height, data: out };
}

/** Bilinear sample with the border value outside the image. */
export function sample(image: Grey | Field, x: number, y: number, outside: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 >= image.width - 1 || y0 >= image.height - 1) {
    if (x0 < -1 || y0 < -1 || x0 > image.width - 1 || y0 > image.height - 1) return outside;
    const at = (px: number, py: number): number =>
      px < 0 || py < 0 || px >= image.width || py >= image.height ? outside : image.data[py * image.width + px]!;
    const fx = x - x0;
    const fy = y - y0;
    return (
      (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) +
      (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy
    );
  }
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * image.width + x0;
  const d = image.data;
  return (
    (d[i]! * (1 - fx) + d[i + 1]! * fx) * (1 - fy) +
    (d[i + image.width]! * (1 - fx) + d[i + image.width + 1]! * fx) * fy
  );
}

/** The value below which `fraction` of the values lie (values assumed in 0..255 or so). */
export function percentile(values: Float32Array | Uint8Array, fraction: number, step = 1): number {
  const counts = new Uint32Array(1024);
  let total = 0;
  for (let i = 0; i < values.length; i += step) {
    const v = values[i]!;
    counts[v <= 0 ? 0 : v >= 255.75 ? 1023 : Math.floor(v * 4)]!++;
    total++;
  }
  const target = fraction * total;
  let seen = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    seen += counts[bin]!;
    if (seen >= target) return bin / 4;
  }
  return 255;
}
