import type { Random } from './random.js';
import { createRaster, paste, resizeRaster, type Raster } from './raster.js';

/** Longest side of the medium as the simulation draws it: enough for halftone dots and subpixels to exist. */
const CANVAS_SIDE = 1200;

/** Slowly varying brightness (paper fibres, uneven lighting): a few random plane waves. */
function lowFrequencyField(random: Random, amplitude: number): (x: number, y: number) => number {
  const waves = Array.from({ length: 4 }, () => ({
    fx: random.range(-0.02, 0.02),
    fy: random.range(-0.02, 0.02),
    phase: random.range(0, 2 * Math.PI),
  }));
  return (x, y) => 1 + (amplitude / 2) * waves.reduce((sum, w) => sum + Math.sin(w.fx * x + w.fy * y + w.phase), 0);
}

/** A smooth 0..1 step around `edge`, `width` wide: halftone dots with soft rims, as ink spreads into paper. */
const smoothstep = (edge: number, width: number, value: number): number => {
  const t = Math.max(0, Math.min(1, (value - edge + width / 2) / width));
  return t * t * (3 - 2 * t);
};

/**
 * A colour print of the photo: CMY halftone screens at the usual angles (or an inkjet's dither), limited ink
 * density (blacks come out grey), paper tint and texture, sometimes a glossy highlight.
 */
export async function printedPhoto(photo: Raster, random: Random): Promise<Raster> {
  const printSide = random.int(220, 420);
  const scale = printSide / Math.max(photo.width, photo.height);
  const small = await resizeRaster(photo, photo.width * scale, photo.height * scale);
  const up = CANVAS_SIDE / printSide;
  const page = await resizeRaster(small, small.width * up, small.height * up);
  const halftone = random.next() < 0.6;
  const period = random.range(3, 6);
  const angles = [15, 75, 0].map((deg) => ((deg + random.range(-3, 3)) * Math.PI) / 180);
  const density = random.range(0.72, 0.9);
  const paper = [random.range(236, 252), random.range(232, 248), random.range(215, 240)];
  const texture = lowFrequencyField(random, random.range(0.02, 0.06));
  const grain = random.range(2, 6);
  const { data, width, height } = page;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 3 * (y * width + x);
      const light = texture(x, y);
      for (let c = 0; c < 3; c++) {
        const ink = 1 - data[i + c]! / 255;
        let coverage: number;
        if (halftone) {
          const angle = angles[c]!;
          const u = (x * Math.cos(angle) + y * Math.sin(angle)) / period;
          const v = (-x * Math.sin(angle) + y * Math.cos(angle)) / period;
          const threshold = 0.5 - (Math.cos(2 * Math.PI * u) + Math.cos(2 * Math.PI * v)) / 4;
          coverage = smoothstep(threshold, 0.15, ink);
        } else {
          coverage = Math.max(0, Math.min(1, ink + 0.35 * random.gauss()));
        }
        data[i + c] = paper[c]! * (1 - density * coverage) * light + grain * random.gauss();
      }
    }
  }
  if (random.next() < 0.4) addHighlight(page, random, random.range(0.15, 0.45));
  return page;
}

/**
 * The photo shown on a phone or monitor: an RGB stripe subpixel grid with dark gaps, the display's own tone curve
 * and tint, a raised black level (backlight), a bezel, and a reflection on the glass.
 */
export async function screenReplay(photo: Raster, random: Random): Promise<Raster> {
  const cell = 3;
  const screenSide = Math.round(CANVAS_SIDE / cell);
  const scale = screenSide / Math.max(photo.width, photo.height);
  const shown = await resizeRaster(photo, photo.width * scale, photo.height * scale);
  const gamma = random.range(0.8, 1.2);
  const tint = [random.range(0.88, 1), random.range(0.95, 1.03), random.range(1, 1.15)];
  const black = random.range(8, 28);
  const brightness = random.range(0.85, 1.1);
  const gap = random.range(0.3, 0.7);
  const glass = createRaster(shown.width * cell, shown.height * cell, [0, 0, 0]);
  for (let y = 0; y < glass.height; y++) {
    const rowGap = y % cell === cell - 1 ? gap : 1;
    for (let x = 0; x < glass.width; x++) {
      const s = 3 * (Math.floor(y / cell) * shown.width + Math.floor(x / cell));
      const sub = x % cell; // which stripe: R, G or B
      const value = 255 * Math.pow(shown.data[s + sub]! / 255, gamma) * tint[sub]! * brightness;
      // Each stripe lights mostly its own colour; a little bleeds into the neighbours through the diffuser.
      const t = 3 * (y * glass.width + x);
      for (let c = 0; c < 3; c++) {
        const own = c === sub ? 1 : 0.12;
        glass.data[t + c] = black + rowGap * own * value * (3 / (1 + 2 * 0.12));
      }
    }
  }
  const bezelWidth = Math.round(glass.width * random.range(0.03, 0.1));
  const bezelShade = random.int(5, 40);
  const device = createRaster(glass.width + 2 * bezelWidth, glass.height + 2 * bezelWidth, [
    bezelShade,
    bezelShade,
    bezelShade,
  ]);
  paste(device, glass, bezelWidth, bezelWidth);
  addReflection(device, random, random.range(0.03, 0.25));
  return device;
}

/** A soft bright spot: a lamp reflected in glossy paper. */
function addHighlight(raster: Raster, random: Random, strength: number): void {
  const cx = random.range(0, raster.width);
  const cy = random.range(0, raster.height);
  const radius = random.range(0.1, 0.3) * Math.max(raster.width, raster.height);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const w = strength * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * radius * radius));
      const i = 3 * (y * raster.width + x);
      for (let c = 0; c < 3; c++) raster.data[i + c] = raster.data[i + c]! * (1 - w) + 255 * w;
    }
  }
}

/** A broad diagonal band of reflected light on the glass, added to what the screen shows. */
function addReflection(raster: Raster, random: Random, strength: number): void {
  const angle = random.range(0, Math.PI);
  const nx = Math.cos(angle);
  const ny = Math.sin(angle);
  const centre = random.range(0.2, 0.8) * (Math.abs(nx) * raster.width + Math.abs(ny) * raster.height);
  const width = random.range(0.1, 0.3) * Math.max(raster.width, raster.height);
  for (let y = 0; y < raster.height; y++) {
    for (let x = 0; x < raster.width; x++) {
      const d = Math.abs(nx) * x + Math.abs(ny) * y - centre;
      const add = 255 * strength * Math.exp(-(d * d) / (2 * width * width));
      const i = 3 * (y * raster.width + x);
      for (let c = 0; c < 3; c++) raster.data[i + c] = raster.data[i + c]! + add;
    }
  }
}
