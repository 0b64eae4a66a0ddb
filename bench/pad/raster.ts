import sharp, { type Sharp } from 'sharp';

/** RGB pixels as floats 0..255, row-major, 3 per pixel: room for sums and blends without clipping midway. */
export interface Raster {
  data: Float32Array;
  width: number;
  height: number;
}

export function createRaster(width: number, height: number, fill: readonly [number, number, number]): Raster {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(fill, 3 * i);
  return { data, width, height };
}

export async function decodeRaster(input: Buffer | Raster, maxSide?: number): Promise<Raster> {
  let pipeline = Buffer.isBuffer(input) ? sharp(input).rotate() : toSharp(input);
  if (maxSide) pipeline = pipeline.resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true });
  const { data, info } = await pipeline.removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected RGB, got ${info.channels} channels`);
  return { data: Float32Array.from(data), width: info.width, height: info.height };
}

export function toSharp(raster: Raster): Sharp {
  const bytes = Buffer.alloc(raster.data.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.max(0, Math.min(255, Math.round(raster.data[i]!)));
  return sharp(bytes, { raw: { width: raster.width, height: raster.height, channels: 3 } });
}

/** Resizes with sharp (Lanczos when shrinking: a camera's optics and sensor average, they do not drop pixels). */
export async function resizeRaster(
  raster: Raster,
  width: number,
  height: number,
  kernel: 'lanczos3' | 'nearest' = 'lanczos3',
): Promise<Raster> {
  return decodeRaster(
    await toSharp(raster)
      .resize(Math.round(width), Math.round(height), { fit: 'fill', kernel })
      .png({ compressionLevel: 0 })
      .toBuffer(),
  );
}

/** Copies `source` into `target` with its top-left corner at (left, top), clipped to the target. */
export function paste(target: Raster, source: Raster, left: number, top: number): void {
  for (let y = 0; y < source.height; y++) {
    const ty = y + top;
    if (ty < 0 || ty >= target.height) continue;
    for (let x = 0; x < source.width; x++) {
      const tx = x + left;
      if (tx < 0 || tx >= target.width) continue;
      const s = 3 * (y * source.width + x);
      const t = 3 * (ty * target.width + tx);
      target.data[t] = source.data[s]!;
      target.data[t + 1] = source.data[s + 1]!;
      target.data[t + 2] = source.data[s + 2]!;
    }
  }
}
