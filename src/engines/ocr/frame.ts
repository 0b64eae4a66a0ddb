import { sample, type Field, type Grey } from './grey.js';
import type { Point } from './geometry.js';

/**
 * A rotated, scaled rectangle of a source image: output pixel (u, v) samples the source at
 * origin + u * along + v * across. `along` follows the text lines, `across` points down the page.
 */
export interface Frame {
  origin: Point;
  along: Point;
  across: Point;
  width: number;
  height: number;
}

/** The frame whose rows run at `degrees` through the source, `pixel` source pixels per output pixel. */
function rotatedFrame(origin: Point, degrees: number, pixel: number, width: number, height: number): Frame {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians) * pixel;
  const sin = Math.sin(radians) * pixel;
  return { origin, along: { x: cos, y: sin }, across: { x: -sin, y: cos }, width, height };
}

/** Where an output point of the frame lies in the source. */
export function toSource(frame: Frame, u: number, v: number): Point {
  return {
    x: frame.origin.x + u * frame.along.x + v * frame.across.x,
    y: frame.origin.y + u * frame.along.y + v * frame.across.y,
  };
}

/** Samples the frame out of the source (bilinear); outside the source reads as `outside`. */
export function resample(source: Grey | Field, frame: Frame, outside: number): Field {
  const { width, height, origin, along, across } = frame;
  const out = new Float32Array(width * height);
  for (let v = 0; v < height; v++) {
    let x = origin.x + v * across.x;
    let y = origin.y + v * across.y;
    for (let u = 0; u < width; u++) {
      out[v * width + u] = sample(source, x, y, outside);
      x += along.x;
      y += along.y;
    }
  }
  return { width, height, data: out };
}

/** The frame covering a whole source after rotating it by -degrees (so lines at `degrees` become level). */
export function levelFrame(source: { width: number; height: number }, degrees: number, pixel = 1): Frame {
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const width = Math.ceil((source.width * cos + source.height * sin) / pixel);
  const height = Math.ceil((source.width * sin + source.height * cos) / pixel);
  return centredFrame({ x: source.width / 2, y: source.height / 2 }, degrees, pixel, width, height);
}

/** The frame of `width` x `height` output pixels centred on `centre`, its rows at `degrees`. */
export function centredFrame(centre: Point, degrees: number, pixel: number, width: number, height: number): Frame {
  const frame = rotatedFrame(centre, degrees, pixel, width, height);
  return { ...frame, origin: toSource(frame, -width / 2, -height / 2) };
}
