import sharp from 'sharp';
import { homography, rectQuad, type Point, type Quad } from '../../../src/engines/ocr/geometry.js';
import { addNoise, drawWarped, fillBackground, shade, type Pixels } from './compose.js';
import type { Random } from './random.js';

export type SyntheticQuality = 'clean' | 'scan' | 'photo';

/** 300 dpi in pixels per millimetre: what a document scanner delivers. */
export const scanScale = 300 / 25.4;

/** How a flat document of `width` x `height` mm lands in the captured image. */
export interface Shot {
  /** Pixels per millimetre to render the flat document at. */
  scale: number;
  canvas: { width: number; height: number };
  /** Where the document's corners land, in canvas pixels. */
  corners: Quad;
  background: [number, number, number];
  texture: number;
  blur: number;
  noise: number;
  light?: (u: number, v: number) => number;
  jpegQuality?: number;
}

function rotate(points: Point[], angle: number, centre: Point): Quad {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return points.map((p) => ({
    x: centre.x + (p.x - centre.x) * cos - (p.y - centre.y) * sin,
    y: centre.y + (p.x - centre.x) * sin + (p.y - centre.y) * cos,
  })) as Quad;
}

/** Chooses the capture geometry and the degradations for a quality level. */
export function planShot(random: Random, quality: SyntheticQuality, widthMm: number, heightMm: number): Shot {
  switch (quality) {
    case 'clean': {
      const margin = random.int(20, 80);
      const w = Math.round(widthMm * scanScale);
      const h = Math.round(heightMm * scanScale);
      return {
        scale: scanScale,
        canvas: { width: w + 2 * margin, height: h + 2 * margin },
        corners: rectQuad(margin, margin, w, h),
        background: [255, 255, 255],
        texture: 0,
        blur: 0,
        noise: 0,
      };
    }
    case 'scan': {
      // A flatbed at 230-300 dpi, the card a little crooked on the glass, the lid slightly grey.
      const scale = random.range(230, 300) / 25.4;
      const w = widthMm * scale;
      const h = heightMm * scale;
      const margin = random.range(0.08, 0.25) * w;
      const canvas = { width: Math.round(w + 2 * margin), height: Math.round(h + 2 * margin) };
      const corners = rotate(rectQuad(margin, margin, w, h), (random.range(-2, 2) * Math.PI) / 180, {
        x: canvas.width / 2,
        y: canvas.height / 2,
      });
      const grey = random.int(232, 252);
      return {
        scale,
        canvas,
        corners,
        background: [grey, grey, grey],
        texture: 2,
        blur: random.range(0.4, 0.9),
        noise: random.range(2, 6),
        jpegQuality: random.int(70, 90),
      };
    }
    case 'photo': {
      // A phone held over a desk: the document turned up to 15 degrees, seen slightly from the
      // side (keystone), lit unevenly, a little out of focus, noisy and compressed.
      const long = random.int(1600, 2000);
      const canvas = { width: long, height: Math.round(long * 0.75) };
      const angle = (random.range(-15, 15) * Math.PI) / 180;
      const fraction = random.range(0.6, 0.85);
      const fitW = (canvas.width * 0.92) / (widthMm * Math.abs(Math.cos(angle)) + heightMm * Math.abs(Math.sin(angle)));
      const fitH =
        (canvas.height * 0.92) / (widthMm * Math.abs(Math.sin(angle)) + heightMm * Math.abs(Math.cos(angle)));
      const scale = Math.min((canvas.width * fraction) / widthMm, fitW, fitH);
      const w = widthMm * scale;
      const h = heightMm * scale;
      const keystoneX = random.range(-0.06, 0.06);
      const keystoneY = random.range(-0.05, 0.05);
      const jitter = (): number => random.range(-0.012, 0.012) * w;
      const spanX = (canvas.width - w * Math.abs(Math.cos(angle)) - h * Math.abs(Math.sin(angle))) * 0.4;
      const spanY = (canvas.height - w * Math.abs(Math.sin(angle)) - h * Math.abs(Math.cos(angle))) * 0.4;
      const centre = {
        x: canvas.width / 2 + random.range(-1, 1) * Math.max(0, spanX),
        y: canvas.height / 2 + random.range(-1, 1) * Math.max(0, spanY),
      };
      const left = centre.x - w / 2;
      const top = centre.y - h / 2;
      const flat: Point[] = [
        { x: left + keystoneX * w + jitter(), y: top + keystoneY * h + jitter() },
        { x: left + w - keystoneX * w + jitter(), y: top - keystoneY * h + jitter() },
        { x: left + w + keystoneX * w + jitter(), y: top + h + keystoneY * h + jitter() },
        { x: left - keystoneX * w + jitter(), y: top + h - keystoneY * h + jitter() },
      ];
      const base = random.range(0.85, 1.05);
      const gx = random.range(-0.3, 0.3);
      const gy = random.range(-0.3, 0.3);
      const vignette = random.range(0.05, 0.25);
      const hue = random.int(0, 2);
      const tone = random.int(40, 200);
      const background: [number, number, number] = [tone, tone, tone];
      background[hue] = Math.min(255, tone + random.int(10, 50));
      return {
        scale,
        canvas,
        corners: rotate(flat, angle, centre),
        background,
        texture: random.range(4, 18),
        blur: random.range(0.7, 1.5),
        noise: random.range(3, 8),
        light: (u, v) => base + gx * (u - 0.5) + gy * (v - 0.5) - vignette * ((u - 0.5) ** 2 + (v - 0.5) ** 2) * 2,
        jpegQuality: random.int(60, 85),
      };
    }
  }
}

/** Renders the captured image: background, warped document, light, blur, noise, then encoding. */
export async function shoot(random: Random, shot: Shot, document: Pixels): Promise<Buffer> {
  const { width, height } = shot.canvas;
  const canvas: Pixels = { width, height, channels: 3, data: new Uint8Array(width * height * 3) };
  fillBackground(canvas, shot.background, shot.texture, random.normal);
  drawWarped(canvas, document, homography(rectQuad(0, 0, document.width, document.height), shot.corners));
  if (shot.light) shade(canvas, shot.light);
  let pixels = canvas;
  if (shot.blur >= 0.3) {
    const blurred = await sharp(canvas.data, { raw: { width, height, channels: 3 } })
      .blur(shot.blur)
      .raw()
      .toBuffer();
    pixels = { ...canvas, data: new Uint8Array(blurred.buffer, blurred.byteOffset, blurred.length) };
  }
  if (shot.noise > 0) addNoise(pixels, shot.noise, random.normal);
  const image = sharp(pixels.data, { raw: { width, height, channels: 3 } });
  return shot.jpegQuality ? image.jpeg({ quality: shot.jpegQuality }).toBuffer() : image.png().toBuffer();
}
