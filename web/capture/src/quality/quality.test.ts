import { describe, expect, it } from 'vitest';
import { toGray, type PixelsLike } from './gray';
import { AutoCaptureTrigger, guide, LIMITS, measureFrame, type FrameMeasures } from './guidance';
import { documentBox, frameDifference, glareShare, laplacianVariance, meanLuminance } from './measures';

/** A small deterministic generator, so every run draws the same "random" print. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

interface FrameSpec {
  seed: number;
  /** The card as shares of the frame's width (its height follows the ID-1 aspect ratio). */
  cardWidth?: number;
  shiftX?: number;
  blurRadius?: number;
  brightness?: number;
  /** Share of the card covered by a burnt-out reflection. */
  glare?: number;
}

const WIDTH = 320;
const HEIGHT = 180;

function boxBlur(values: Float32Array, width: number, height: number, radius: number): Float32Array {
  let source = values;
  for (let pass = 0; pass < 3; pass++) {
    const horizontal = new Float32Array(source.length);
    const result = new Float32Array(source.length);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let d = -radius; d <= radius; d++) sum += source[y * width + Math.min(width - 1, Math.max(0, x + d))] ?? 0;
        horizontal[y * width + x] = sum / (2 * radius + 1);
      }
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        let sum = 0;
        for (let d = -radius; d <= radius; d++)
          sum += horizontal[Math.min(height - 1, Math.max(0, y + d)) * width + x] ?? 0;
        result[y * width + x] = sum / (2 * radius + 1);
      }
    source = result;
  }
  return source;
}

/** A camera frame of a card with lines of print on a plain table, with sensor noise. */
function frame(spec: FrameSpec): PixelsLike & { card: { x0: number; y0: number; x1: number; y1: number } } {
  const next = random(spec.seed);
  const cardW = Math.round(WIDTH * (spec.cardWidth ?? 0.7));
  const cardH = Math.round(cardW / 1.586);
  const x0 = Math.round((WIDTH - cardW) / 2) + (spec.shiftX ?? 0);
  const y0 = Math.round((HEIGHT - cardH) / 2);
  let values: Float32Array = new Float32Array(WIDTH * HEIGHT).fill(70);
  for (let y = y0; y < y0 + cardH; y++) for (let x = x0; x < x0 + cardW; x++) values[y * WIDTH + x] = 225;
  // Lines of "text": short dark strokes of random length and gaps.
  for (let line = y0 + 6; line < y0 + cardH - 8; line += 7) {
    let x = x0 + 6 + Math.floor(next() * 6);
    while (x < x0 + cardW - 10) {
      const length = 2 + Math.floor(next() * 6);
      for (let dy = 0; dy < 4; dy++) for (let dx = 0; dx < length; dx++) values[(line + dy) * WIDTH + x + dx] = 30;
      x += length + 1 + Math.floor(next() * 4);
    }
  }
  if (spec.glare) {
    const radius = Math.sqrt((spec.glare * cardW * cardH) / Math.PI);
    const cx = x0 + cardW * 0.35;
    const cy = y0 + cardH * 0.4;
    for (let y = 0; y < HEIGHT; y++)
      for (let x = 0; x < WIDTH; x++) if ((x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2) values[y * WIDTH + x] = 255;
  }
  if (spec.blurRadius) values = boxBlur(values, WIDTH, HEIGHT, spec.blurRadius);
  const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let i = 0; i < values.length; i++) {
    const noise = (next() - 0.5) * 4;
    const value = Math.min(255, Math.max(0, (values[i] ?? 0) * (spec.brightness ?? 1) + noise));
    data.set([value, value, value, 255], i * 4);
  }
  return { width: WIDTH, height: HEIGHT, data, card: { x0, y0, x1: x0 + cardW, y1: y0 + cardH } };
}

const seeds = [1, 7, 42, 1234, 98765];
const measure = (spec: FrameSpec, previous: FrameSpec | null = null): FrameMeasures =>
  measureFrame(frame(spec), previous ? toGray(frame(previous)) : null).measures;

describe('sharpness (variance of the Laplacian)', () => {
  it.each(seeds)('separates a sharp card from a defocused one (seed %i)', (seed) => {
    const sharp = measure({ seed });
    const blurred = measure({ seed, blurRadius: 2 });
    expect(sharp.sharpness).toBeGreaterThan(LIMITS.minSharpness);
    expect(blurred.sharpness).toBeLessThan(LIMITS.minSharpness);
    expect(guide(blurred, { detectGlare: true })).toBe('blurry');
  });

  it('falls as the blur grows', () => {
    const values = [0, 1, 2, 3].map((blurRadius) => laplacianVariance(toGray(frame({ seed: 3, blurRadius }))));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1] ?? 0);
  });
});

describe('glare (share of burnt-out pixels on the document)', () => {
  it.each(seeds)('finds a reflection covering 6%% of the card, and none on a clean card (seed %i)', (seed) => {
    const clean = measure({ seed });
    const glaring = measure({ seed, glare: 0.06 });
    expect(clean.glare).toBeLessThan(0.001);
    expect(glaring.glare).toBeGreaterThan(LIMITS.maxGlare);
    expect(guide(glaring, { detectGlare: true })).toBe('glare');
  });

  it('is not blamed on a reflection when the whole document is burnt out (a white scan)', () => {
    const washedOut = measure({ seed: 6, glare: 0.7 });
    expect(washedOut.glare).toBeGreaterThan(LIMITS.washedOut);
    expect(guide(washedOut, { detectGlare: true })).not.toBe('glare');
  });

  it('is not reported when the configuration turns glare detection off', () => {
    const glaring = measure({ seed: 5, glare: 0.06 });
    expect(guide(glaring, { detectGlare: false })).not.toBe('glare');
  });

  it('grows with the size of the reflection', () => {
    const shares = [0.03, 0.08, 0.15].map((glare) => glareShare(toGray(frame({ seed: 9, glare }))));
    expect(shares[0]).toBeLessThan(shares[1] ?? 0);
    expect(shares[1]).toBeLessThan(shares[2] ?? 0);
  });
});

describe('darkness (mean luminance)', () => {
  it.each(seeds)('tells a dim room from a lit one (seed %i)', (seed) => {
    const lit = measure({ seed });
    const dark = measure({ seed, brightness: 0.25 });
    expect(lit.luminance).toBeGreaterThan(LIMITS.minLuminance);
    expect(dark.luminance).toBeLessThan(LIMITS.minLuminance);
    expect(guide(dark, { detectGlare: true })).toBe('too-dark');
  });

  it('is the mean of the pixels', () => {
    const gray = { width: 2, height: 1, values: Float32Array.from([10, 30]) };
    expect(meanLuminance(gray)).toBe(20);
  });
});

describe('fill (the box of strong gradients)', () => {
  it.each(seeds)('finds the card within a few pixels (2.5% of the width) (seed %i)', (seed) => {
    const image = frame({ seed });
    const box = documentBox(toGray(image));
    expect(box).not.toBeNull();
    expect(Math.abs((box?.x0 ?? 0) - image.card.x0)).toBeLessThanOrEqual(8);
    expect(Math.abs((box?.x1 ?? 0) - image.card.x1)).toBeLessThanOrEqual(8);
    expect(Math.abs((box?.y0 ?? 0) - image.card.y0)).toBeLessThanOrEqual(8);
    expect(Math.abs((box?.y1 ?? 0) - image.card.y1)).toBeLessThanOrEqual(8);
  });

  it.each(seeds)('asks to move closer when the card is small in the frame (seed %i)', (seed) => {
    const far = measure({ seed, cardWidth: 0.35 });
    expect(far.fill).toBeLessThan(LIMITS.minFill);
    expect(guide(far, { detectGlare: true })).toBe('move-closer');
    expect(measure({ seed, cardWidth: 0.8 }).fill).toBeGreaterThan(LIMITS.minFill);
  });

  it('finds no document on an empty table', () => {
    const data = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
    const next = random(11);
    for (let i = 0; i < WIDTH * HEIGHT; i++) {
      const value = 120 + (next() - 0.5) * 6;
      data.set([value, value, value, 255], i * 4);
    }
    const { measures } = measureFrame({ width: WIDTH, height: HEIGHT, data }, null);
    expect(measures.box).toBeNull();
    expect(guide(measures, { detectGlare: true })).toBe('no-document');
  });
});

describe('steadiness and auto-capture', () => {
  it('is ready only when the frame barely changed since the last one', () => {
    expect(guide(measure({ seed: 2 }, { seed: 2 }), { detectGlare: true })).toBe('ready');
    expect(guide(measure({ seed: 2 }, { seed: 2, shiftX: 12 }), { detectGlare: true })).toBe('hold-still');
    expect(guide(measure({ seed: 2 }), { detectGlare: true })).toBe('hold-still');
  });

  it('measures movement as the mean change between frames', () => {
    const still = toGray(frame({ seed: 4 }));
    expect(frameDifference(still, still)).toBe(0);
    expect(frameDifference(still, toGray(frame({ seed: 4, shiftX: 20 })))).toBeGreaterThan(LIMITS.maxMotion);
  });

  it('fires after N consecutive ready frames, once, and starts again after any other frame', () => {
    const trigger = new AutoCaptureTrigger(3);
    expect(['ready', 'ready', 'blurry', 'ready', 'ready'].map((g) => trigger.observe(g as 'ready'))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(trigger.observe('ready')).toBe(true);
    expect(trigger.observe('ready')).toBe(false);
    trigger.reset();
    expect([1, 2, 3].map(() => trigger.observe('ready'))).toEqual([false, false, true]);
  });

  it('fires on a sharp steady card and never on a blurred one', () => {
    const run = (spec: FrameSpec) => {
      const trigger = new AutoCaptureTrigger(4);
      let previous = null;
      for (let i = 0; i < 8; i++) {
        const { gray, measures } = measureFrame(frame({ ...spec, seed: spec.seed }), previous);
        previous = gray;
        if (trigger.observe(guide(measures, { detectGlare: true }))) return i;
      }
      return -1;
    };
    expect(run({ seed: 8 })).toBe(4);
    expect(run({ seed: 8, blurRadius: 3 })).toBe(-1);
  });
});
