import type { Field } from './grey.js';

/**
 * Running max (or min) along rows or columns over a window of 2 * radius + 1 samples, by the van
 * Herk / Gil-Werman method: three comparisons per sample whatever the window.
 */
function extremum1d(input: Field, radius: number, horizontal: boolean, max: boolean): Field {
  const { width, height, data } = input;
  const out = new Float32Array(width * height);
  const length = horizontal ? width : height;
  const lines = horizontal ? height : width;
  const stride = horizontal ? 1 : width;
  const size = 2 * radius + 1;
  const padded = length + 2 * radius;
  const line = new Float32Array(padded);
  const forward = new Float32Array(padded);
  const backward = new Float32Array(padded);
  const edge = max ? -Infinity : Infinity;
  const pick = max
    ? (a: number, b: number): number => (a > b ? a : b)
    : (a: number, b: number): number => (a < b ? a : b);
  for (let l = 0; l < lines; l++) {
    const base = horizontal ? l * width : l;
    line.fill(edge);
    for (let i = 0; i < length; i++) line[i + radius] = data[base + i * stride]!;
    for (let i = 0; i < padded; i++) forward[i] = i % size === 0 ? line[i]! : pick(forward[i - 1]!, line[i]!);
    for (let i = padded - 1; i >= 0; i--) {
      backward[i] = i === padded - 1 || (i + 1) % size === 0 ? line[i]! : pick(backward[i + 1]!, line[i]!);
    }
    // The window [i, i + size) of the padded line is centred on sample i of the original.
    for (let i = 0; i < length; i++) {
      const end = Math.min(i + size - 1, padded - 1);
      out[base + i * stride] = pick(backward[i]!, forward[end]!);
    }
  }
  return { width, height, data: out };
}

/** Grey dilation then erosion with a (2rx+1) x (2ry+1) rectangle: fills dark marks thinner than it. */
export function closing(input: Field, rx: number, ry: number): Field {
  const dilated = extremum1d(extremum1d(input, rx, true, true), ry, false, true);
  return extremum1d(extremum1d(dilated, rx, true, false), ry, false, false);
}

/**
 * Black-hat transform (closing minus image): strong on dark strokes narrower than the rectangle,
 * such as printed characters, and near zero on flat areas, gentle gradients and large dark shapes.
 */
export function blackHat(input: Field, rx: number, ry: number): Field {
  const closed = closing(input, rx, ry);
  const out = closed.data;
  for (let i = 0; i < out.length; i++) out[i]! -= input.data[i]!;
  return closed;
}

/** Counts of set pixels in every (2rx+1) x (2ry+1) box, from an integral image (clipped at edges). */
function boxCounts(mask: Uint8Array, width: number, height: number, rx: number, ry: number): Int32Array {
  const stride = width + 1;
  const integral = new Int32Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += mask[y * width + x]! ? 1 : 0;
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1]! + row;
    }
  }
  const counts = new Int32Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - ry);
    const y1 = Math.min(height, y + ry + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - rx);
      const x1 = Math.min(width, x + rx + 1);
      counts[y * width + x] =
        integral[y1 * stride + x1]! -
        integral[y0 * stride + x1]! -
        integral[y1 * stride + x0]! +
        integral[y0 * stride + x0]!;
    }
  }
  return counts;
}

/**
 * Binary opening with a (2rx+1) x (2ry+1) rectangle: keeps the parts of the mask the rectangle fits
 * in. It cuts the thin strands (security-print lines, underlines) that join neighbouring text lines.
 */
export function openBinary(mask: Uint8Array, width: number, height: number, rx: number, ry: number): Uint8Array {
  const full = (2 * rx + 1) * (2 * ry + 1);
  const inner = boxCounts(mask, width, height, rx, ry);
  const eroded = new Uint8Array(mask.length);
  for (let y = ry; y < height - ry; y++) {
    for (let x = rx; x < width - rx; x++) if (inner[y * width + x] === full) eroded[y * width + x] = 1;
  }
  const outer = boxCounts(eroded, width, height, rx, ry);
  const out = new Uint8Array(mask.length);
  for (let i = 0; i < out.length; i++) out[i] = outer[i]! > 0 ? 1 : 0;
  return out;
}
