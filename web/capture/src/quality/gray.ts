/** Anything shaped like the browser's ImageData: RGBA bytes, row by row. */
export interface PixelsLike {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

/** One luminance value (0..255) per pixel. */
export interface Gray {
  width: number;
  height: number;
  values: Float32Array;
}

/** A pixel rectangle: x0/y0 included, x1/y1 excluded. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** BT.601 luma, the weighting cameras' YUV output uses, so the numbers match what the sensor saw. */
export function toGray(image: PixelsLike): Gray {
  const { width, height, data } = image;
  const values = new Float32Array(width * height);
  for (let i = 0, p = 0; i < values.length; i++, p += 4) {
    values[i] = 0.299 * (data[p] ?? 0) + 0.587 * (data[p + 1] ?? 0) + 0.114 * (data[p + 2] ?? 0);
  }
  return { width, height, values };
}

export const wholeFrame = (gray: Gray): Box => ({ x0: 0, y0: 0, x1: gray.width, y1: gray.height });

export const boxArea = (box: Box): number => Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
