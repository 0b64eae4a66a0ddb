import { boxArea, wholeFrame, type Box, type Gray } from './gray';

/** Luma at or above this counts as burnt out: the sensor saw nothing but light there. */
const SATURATED = 250;
/** A gradient (|dx| + |dy| of neighbours two pixels apart) this strong is an edge of the document or its print. */
const STRONG_GRADIENT = 32;

/** Mean luminance (0..255) inside the box. */
export function meanLuminance(gray: Gray, box: Box = wholeFrame(gray)): number {
  let sum = 0;
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * gray.width;
    for (let x = box.x0; x < box.x1; x++) sum += gray.values[row + x] ?? 0;
  }
  const area = boxArea(box);
  return area === 0 ? 0 : sum / area;
}

/**
 * Sharpness: the variance of the 4-neighbour Laplacian inside the box. Fine print gives strong second
 * derivatives; defocus and motion blur spread every edge and the variance collapses.
 */
export function laplacianVariance(gray: Gray, box: Box = wholeFrame(gray)): number {
  const { width, values } = gray;
  const x0 = Math.max(1, box.x0);
  const y0 = Math.max(1, box.y0);
  const x1 = Math.min(gray.width - 1, box.x1);
  const y1 = Math.min(gray.height - 1, box.y1);
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const laplacian =
        (values[i - 1] ?? 0) +
        (values[i + 1] ?? 0) +
        (values[i - width] ?? 0) +
        (values[i + width] ?? 0) -
        4 * (values[i] ?? 0);
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumSquares / count - mean * mean;
}

/** The share (0..1) of the box's pixels that are burnt out: a reflection on the laminate or the plastic. */
export function glareShare(gray: Gray, box: Box = wholeFrame(gray)): number {
  let saturated = 0;
  for (let y = box.y0; y < box.y1; y++) {
    const row = y * gray.width;
    for (let x = box.x0; x < box.x1; x++) if ((gray.values[row + x] ?? 0) >= SATURATED) saturated++;
  }
  const area = boxArea(box);
  return area === 0 ? 0 : saturated / area;
}

/** The value below which `share` of the sorted counts lie: robust bounds that ignore stray edges. */
function quantile(histogram: Uint32Array, total: number, share: number): number {
  const target = total * share;
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen > target) return i;
  }
  return histogram.length - 1;
}

/**
 * Where the document probably is: the box holding the middle 98% of the strong gradients (its edges and
 * its print), or null when there are too few edges to be a document (an empty table, a covered lens).
 */
export function documentBox(gray: Gray): Box | null {
  const { width, height, values } = gray;
  const columns = new Uint32Array(width);
  const rows = new Uint32Array(height);
  let strong = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const gradient =
        Math.abs((values[i + 1] ?? 0) - (values[i - 1] ?? 0)) +
        Math.abs((values[i + width] ?? 0) - (values[i - width] ?? 0));
      if (gradient >= STRONG_GRADIENT) {
        columns[x] = (columns[x] ?? 0) + 1;
        rows[y] = (rows[y] ?? 0) + 1;
        strong++;
      }
    }
  }
  if (strong < width * height * 0.002) return null;
  return {
    x0: quantile(columns, strong, 0.01),
    y0: quantile(rows, strong, 0.01),
    x1: quantile(columns, strong, 0.99) + 1,
    y1: quantile(rows, strong, 0.99) + 1,
  };
}

/** Mean absolute luminance change between two frames of one size: how much the picture moved. */
export function frameDifference(previous: Gray, current: Gray): number {
  if (previous.width !== current.width || previous.height !== current.height) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < current.values.length; i++) sum += Math.abs((current.values[i] ?? 0) - (previous.values[i] ?? 0));
  return current.values.length === 0 ? 0 : sum / current.values.length;
}
