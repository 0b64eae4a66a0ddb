import { invert, type Homography } from '../../../src/engines/ocr/geometry.js';

/** Interleaved 8-bit pixels. */
export interface Pixels {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array;
}

/**
 * Draws an RGBA document onto an RGB canvas through a homography (document -> canvas), sampling
 * bilinearly and blending by the document's alpha, so rounded corners show the background.
 */
export function drawWarped(canvas: Pixels, document: Pixels, toCanvas: Homography): void {
  const h = invert(toCanvas);
  const { width: dw, height: dh, data: src } = document;
  const out = canvas.data;
  for (let y = 0; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++) {
      // Pixel centres: canvas (x + 0.5) maps to document coordinates, minus 0.5 to index samples.
      const w = h[6]! * (x + 0.5) + h[7]! * (y + 0.5) + h[8]!;
      const sx = (h[0]! * (x + 0.5) + h[1]! * (y + 0.5) + h[2]!) / w - 0.5;
      const sy = (h[3]! * (x + 0.5) + h[4]! * (y + 0.5) + h[5]!) / w - 0.5;
      if (sx < -1 || sy < -1 || sx > dw || sy > dh) continue;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let r = 0;
      let g = 0;
      let b = 0;
      let alpha = 0;
      for (let j = 0; j < 4; j++) {
        const px = x0 + (j & 1);
        const py = y0 + (j >> 1);
        if (px < 0 || py < 0 || px >= dw || py >= dh) continue;
        const at = (py * dw + px) * 4;
        const a = (src[at + 3]! / 255) * (j & 1 ? fx : 1 - fx) * (j >> 1 ? fy : 1 - fy);
        r += src[at]! * a;
        g += src[at + 1]! * a;
        b += src[at + 2]! * a;
        alpha += a;
      }
      if (alpha <= 0) continue;
      const at = (y * canvas.width + x) * 3;
      out[at] = Math.round(out[at]! * (1 - alpha) + r);
      out[at + 1] = Math.round(out[at + 1]! * (1 - alpha) + g);
      out[at + 2] = Math.round(out[at + 2]! * (1 - alpha) + b);
    }
  }
}

/** A plain or textured surface under the document (scanner lid, desk, cloth). */
export function fillBackground(
  canvas: Pixels,
  colour: [number, number, number],
  texture: number,
  noise: () => number,
): void {
  const { width, height, data } = canvas;
  // Low-frequency texture: a few broad stripes, like wood grain or a fabric fold.
  const freq = 0.002 + 0.01 * Math.abs(noise());
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grain = texture * Math.sin((x * 0.3 + y) * freq * 6.283);
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[at + c] = clamp(colour[c]! + grain);
    }
  }
}

export const clamp = (value: number): number => (value < 0 ? 0 : value > 255 ? 255 : Math.round(value));

/** Uneven light: brightness falls off linearly in one direction and towards one corner. */
export function shade(canvas: Pixels, gain: (x: number, y: number) => number): void {
  const { width, height, data } = canvas;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g = gain(x / width, y / height);
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) data[at + c] = clamp(data[at + c]! * g);
    }
  }
}

/** Sensor noise, the same on the three channels (luminance noise dominates in phone JPEGs). */
export function addNoise(canvas: Pixels, sigma: number, normal: () => number): void {
  const { data } = canvas;
  for (let at = 0; at < data.length; at += 3) {
    const n = normal() * sigma;
    for (let c = 0; c < 3; c++) data[at + c] = clamp(data[at + c]! + n);
  }
}
