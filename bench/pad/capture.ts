import type { Random } from './random.js';
import { createRaster, paste, resizeRaster, toSharp, type Raster } from './raster.js';

/**
 * What every sample goes through last, genuine and attack alike: a phone camera taking the picture. Sharing it
 * keeps the comparison about the medium (paper, screen) and not about which images were re-encoded.
 */
export async function cameraCapture(scene: Raster, random: Random): Promise<Buffer> {
  const longSide = random.int(480, 900);
  const scale = longSide / Math.max(scene.width, scene.height);
  // Phone sensors have no anti-aliasing filter: some captures sample fine patterns without averaging them first.
  const kernel = random.pick(['nearest', 'linear', 'lanczos3'] as const);
  const noise = random.range(1, 5);
  const blur = random.range(0.3, 1.3);
  const exposure = random.range(0.9, 1.1);
  const sampled = await resizeRaster(
    scene,
    scene.width * scale,
    scene.height * scale,
    kernel === 'lanczos3' ? 'lanczos3' : 'nearest',
  );
  if (kernel === 'linear') {
    // Approximate a box-averaging sensor: the nearest sample of a 2x larger image, averaged 2x2.
    const big = await resizeRaster(scene, sampled.width * 2, sampled.height * 2, 'nearest');
    average2x2(big, sampled);
  }
  const { data } = sampled;
  for (let i = 0; i < data.length; i++) data[i] = data[i]! * exposure + noise * random.gauss();
  const jpeg = await toSharp(sampled)
    .blur(blur)
    .jpeg({ quality: random.int(65, 92) })
    .toBuffer();
  return jpeg;
}

function average2x2(big: Raster, into: Raster): void {
  for (let y = 0; y < into.height; y++) {
    for (let x = 0; x < into.width; x++) {
      for (let c = 0; c < 3; c++) {
        const at = (yy: number, xx: number): number =>
          big.data[3 * (Math.min(big.height - 1, yy) * big.width + Math.min(big.width - 1, xx)) + c]!;
        into.data[3 * (y * into.width + x) + c] =
          (at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1)) / 4;
      }
    }
  }
}

/**
 * Puts a presentation medium (a print, a phone) in front of a background, slightly turned. Often the attacker holds
 * it so close that it fills the frame and no edge shows: then the background never appears.
 */
export async function placeInScene(medium: Raster, random: Random): Promise<Raster> {
  const fillsFrame = random.next() < 0.4;
  const angle = random.range(-7, 7);
  const background: [number, number, number] = [random.int(40, 220), random.int(40, 220), random.int(40, 220)];
  const turned = await rotate(medium, angle, background);
  if (fillsFrame) {
    // Crop 5-15% off each side of the medium so its edges stay out of the picture.
    const margin = random.range(0.05, 0.15);
    const left = Math.round(turned.width * margin);
    const top = Math.round(turned.height * margin);
    const cropped = createRaster(turned.width - 2 * left, turned.height - 2 * top, [0, 0, 0]);
    paste(cropped, turned, -left, -top);
    return cropped;
  }
  const share = random.range(0.6, 0.9);
  const width = Math.round(turned.width / share);
  const height = Math.round(turned.height / share);
  const scene = createRaster(width, height, background);
  // A lighting gradient over the background: a table or wall, not a flat colour.
  const tilt = random.range(-0.3, 0.3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const shade = 1 + tilt * (x / width - 0.5) + random.gauss() * 0.01;
      for (let c = 0; c < 3; c++) scene.data[3 * (y * width + x) + c] = background[c]! * shade;
    }
  }
  paste(scene, turned, random.int(0, width - turned.width), random.int(0, height - turned.height));
  return scene;
}

async function rotate(raster: Raster, angle: number, background: readonly [number, number, number]): Promise<Raster> {
  const { data, info } = await toSharp(raster)
    .rotate(angle, { background: { r: background[0], g: background[1], b: background[2] } })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: Float32Array.from(data), width: info.width, height: info.height };
}
