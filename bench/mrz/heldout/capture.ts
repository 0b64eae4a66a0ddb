import sharp from 'sharp';
import type { Draw } from './random.js';
import type { Surface } from './scene.js';
import type { Xy } from './warp.js';

/** Capture qualities: a flat scan, a flatbed scan, a phone photo, and a bad phone photo. */
export type HeldoutQuality = 'clean' | 'scan' | 'photo' | 'harsh';

/** How the card is captured: resolution, placement and the damage done to the image. */
export interface Plan {
  /** Pixels per millimetre of the card in the image. */
  px: number;
  canvas: { width: number; height: number };
  /** Where the card's corners land (clockwise from top left), given the card's size in pixels. */
  place: (width: number, height: number) => Xy[];
  surface: Surface;
  glare: boolean;
  /** Gaussian blur sigma in pixels (0: none). */
  blur: number;
  /** Motion blur length in pixels and its angle (0: none). */
  motion: { length: number; angle: number };
  /** Light falling off across the image (gain at u, v in 0..1). */
  light: (u: number, v: number) => number;
  /** Darken one side of a line through the MRZ by this factor (1: no shadow). */
  shadow: { factor: number; angle: number; soft: number };
  noise: number;
  jpeg?: number;
}

const flat = (): number => 1;
const noShadow = { factor: 1, angle: 0, soft: 1 };
const still = { length: 0, angle: 0 };

/** The card turned by `angle` about its centre at `centre`, each corner moved by up to `jitter` pixels. */
function pose(random: Draw, width: number, height: number, centre: Xy, angle: number, jitter: number): Xy[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return [
    { x: -width / 2, y: -height / 2 },
    { x: width / 2, y: -height / 2 },
    { x: width / 2, y: height / 2 },
    { x: -width / 2, y: height / 2 },
  ].map((p) => {
    const x = p.x + random.range(-jitter, jitter);
    const y = p.y + random.range(-jitter, jitter);
    return { x: centre.x + x * cos - y * sin, y: centre.y + x * sin + y * cos };
  });
}

/** A phone's framing: the card `fraction` of the frame's width, anywhere it still fits. */
function framed(random: Draw, canvas: { width: number; height: number }, spin: number, keystone: number) {
  return (width: number, height: number): Xy[] => {
    const angle = (random.range(-spin, spin) * Math.PI) / 180;
    const reach = Math.abs(width * Math.cos(angle)) + Math.abs(height * Math.sin(angle));
    const tall = Math.abs(width * Math.sin(angle)) + Math.abs(height * Math.cos(angle));
    const centre = {
      x: canvas.width / 2 + random.range(-0.5, 0.5) * Math.max(0, canvas.width - reach * 1.1),
      y: canvas.height / 2 + random.range(-0.5, 0.5) * Math.max(0, canvas.height - tall * 1.1),
    };
    return pose(random, width, height, centre, angle, keystone * width);
  };
}

function unevenLight(random: Draw, strength: number): (u: number, v: number) => number {
  const base = random.range(0.8, 1.05);
  const gx = random.range(-strength, strength);
  const gy = random.range(-strength, strength);
  return (u, v) => base + gx * (u - 0.5) + gy * (v - 0.5);
}

/** Chooses the capture for a quality; card sizes in millimetres. */
export function planCapture(random: Draw, quality: HeldoutQuality, wMm: number, hMm: number): Plan {
  switch (quality) {
    case 'clean': {
      const px = 300 / 25.4;
      const margin = random.int(8, 60);
      return {
        px,
        canvas: { width: Math.round(wMm * px) + 2 * margin, height: Math.round(hMm * px) + 2 * margin },
        place: (w, h) => pose(random, w, h, { x: margin + w / 2, y: margin + h / 2 }, 0, 0),
        surface: 'white',
        glare: false,
        blur: 0,
        motion: still,
        light: flat,
        shadow: noShadow,
        noise: 0,
      };
    }
    case 'scan': {
      const px = random.range(200, 300) / 25.4;
      const margin = random.range(0.05, 0.2) * wMm * px;
      const canvas = { width: Math.round(wMm * px + 2 * margin), height: Math.round(hMm * px + 2 * margin) };
      const centre = { x: canvas.width / 2, y: canvas.height / 2 };
      return {
        px,
        canvas,
        place: (w, h) => pose(random, w, h, centre, (random.range(-3, 3) * Math.PI) / 180, 0),
        surface: random.pick(['white', 'grey'] as const),
        glare: false,
        blur: random.range(0.4, 1),
        motion: still,
        light: unevenLight(random, 0.08),
        shadow: noShadow,
        noise: random.range(2, 5),
        jpeg: random.int(70, 90),
      };
    }
    case 'photo': {
      const long = random.int(1400, 2000);
      const canvas = { width: long, height: Math.round(long * 0.75) };
      const px = (random.range(0.45, 0.8) * long) / wMm;
      return {
        px,
        canvas,
        place: framed(random, canvas, 20, 0.05),
        surface: random.pick(['grey', 'dark', 'patterned', 'cluttered'] as const),
        glare: random.chance(0.6),
        blur: random.range(0.6, 1.4),
        motion: still,
        light: unevenLight(random, 0.35),
        shadow: random.chance(0.3)
          ? { factor: random.range(0.65, 0.85), angle: random.range(0, Math.PI), soft: random.range(5, 40) }
          : noShadow,
        noise: random.range(3, 8),
        jpeg: random.int(60, 85),
      };
    }
    case 'harsh': {
      // At most 150 dpi on the card, JPEG at quality 40, and two or three of: heavy blur, motion
      // blur, strong perspective, a shadow across the MRZ.
      const px = random.range(110, 150) / 25.4;
      const canvas = { width: Math.round(wMm * px * random.range(1.3, 1.8)), height: 0 };
      canvas.height = Math.round(canvas.width * 0.75);
      const harms = ['blur', 'motion', 'perspective', 'shadow']
        .sort(() => random.next() - 0.5)
        .slice(0, random.int(2, 3));
      const has = (harm: string): boolean => harms.includes(harm);
      return {
        px,
        canvas,
        place: framed(random, canvas, has('perspective') ? 30 : 10, has('perspective') ? 0.12 : 0.03),
        surface: random.pick(['grey', 'dark', 'patterned', 'cluttered'] as const),
        glare: random.chance(0.6),
        blur: has('blur') ? random.range(1, 1.8) : random.range(0.3, 0.7),
        motion: has('motion') ? { length: random.int(4, 7), angle: random.range(0, Math.PI) } : still,
        light: unevenLight(random, 0.4),
        shadow: has('shadow')
          ? { factor: random.range(0.4, 0.65), angle: random.range(0, Math.PI), soft: random.range(2, 15) }
          : noShadow,
        noise: random.range(4, 10),
        jpeg: 40,
      };
    }
  }
}

/** A line-shaped kernel for motion blur (odd size, normalised). */
function motionKernel(length: number, angle: number): { width: number; height: number; kernel: number[] } {
  const size = length % 2 === 1 ? length : length + 1;
  const kernel = new Array<number>(size * size).fill(0);
  const half = (size - 1) / 2;
  for (let t = -half; t <= half; t += 0.25) {
    const x = Math.round(half + t * Math.cos(angle));
    const y = Math.round(half + t * Math.sin(angle));
    kernel[y * size + x] = 1;
  }
  const sum = kernel.reduce((a, b) => a + b, 0);
  return { width: size, height: size, kernel: kernel.map((k) => k / sum) };
}

/** Light, the shadow through `through` (canvas pixels), and noise, in place on RGB pixels. */
export function expose(random: Draw, plan: Plan, data: Uint8Array, through: Xy): void {
  const { width, height } = plan.canvas;
  const nx = Math.cos(plan.shadow.angle);
  const ny = Math.sin(plan.shadow.angle);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const side = ((x - through.x) * nx + (y - through.y) * ny) / plan.shadow.soft;
      const shadow = 1 - (1 - plan.shadow.factor) / (1 + Math.exp(-side));
      const gain = plan.light(x / width, y / height) * shadow;
      const noise = plan.noise > 0 ? random.gauss() * plan.noise : 0;
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = Math.max(0, Math.min(255, data[i + c]! * gain + noise));
    }
  }
}

/** Optics and encoding: blur, motion blur, then PNG or JPEG. */
export async function develop(plan: Plan, data: Uint8Array): Promise<Buffer> {
  const raw = { width: plan.canvas.width, height: plan.canvas.height, channels: 3 as const };
  let image = sharp(data, { raw });
  if (plan.blur >= 0.3) image = sharp(await image.blur(plan.blur).raw().toBuffer(), { raw });
  if (plan.motion.length > 0)
    image = sharp(await image.convolve(motionKernel(plan.motion.length, plan.motion.angle)).raw().toBuffer(), { raw });
  return plan.jpeg ? image.jpeg({ quality: plan.jpeg }).toBuffer() : image.png().toBuffer();
}
