import type { Field } from './grey.js';

/**
 * Running maximum over a window of 2 * radius + 1 samples along each line of `lanes` parallel lines,
 * clipped at the ends, by the van Herk / Gil-Werman method: the line is cut into blocks of the window's
 * size; a prefix maximum (from each block's start) and a suffix maximum (to each block's end) give any
 * window's maximum in one comparison, whatever the radius. Sample i of lane k is at i * step + k.
 *
 * Rows run one lane at a time (step 1); columns run all lanes at once, a whole row per step, so both
 * directions walk memory in order (striding down columns was several times slower).
 */
function runningMax(
  data: Float32Array,
  out: Float32Array,
  length: number,
  lanes: number,
  radius: number,
  scratch: { prefix: Float32Array; suffix: Float32Array },
): void {
  const size = 2 * radius + 1;
  const step = lanes;
  const { prefix, suffix } = scratch;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    if (i % size === 0) {
      for (let k = 0; k < lanes; k++) prefix[at + k] = data[at + k]!;
      continue;
    }
    for (let k = 0; k < lanes; k++) {
      const v = data[at + k]!;
      const before = prefix[at - step + k]!;
      prefix[at + k] = v > before ? v : before;
    }
  }
  for (let i = length - 1; i >= 0; i--) {
    const at = i * step;
    if (i === length - 1 || (i + 1) % size === 0) {
      for (let k = 0; k < lanes; k++) suffix[at + k] = data[at + k]!;
      continue;
    }
    for (let k = 0; k < lanes; k++) {
      const v = data[at + k]!;
      const after = suffix[at + step + k]!;
      suffix[at + k] = v > after ? v : after;
    }
  }
  for (let i = 0; i < length; i++) {
    const a = i - radius > 0 ? i - radius : 0;
    const b = i + radius < length - 1 ? i + radius : length - 1;
    const oa = a * step;
    const ob = b * step;
    const o = i * step;
    if (((a / size) | 0) !== ((b / size) | 0)) {
      for (let k = 0; k < lanes; k++) {
        const x = suffix[oa + k]!;
        const y = prefix[ob + k]!;
        out[o + k] = x > y ? x : y;
      }
    } else if (a % size === 0) {
      // A window inside one block is the block itself, or clipped by the line's first sample...
      for (let k = 0; k < lanes; k++) out[o + k] = prefix[ob + k]!;
    } else {
      // ...or by its last one, where the block ends.
      for (let k = 0; k < lanes; k++) out[o + k] = suffix[oa + k]!;
    }
  }
}

/** Running maximum along each row (radius rx), then along each column (radius ry). */
function maxFilter(input: Field, rx: number, ry: number): Field {
  const { width, height, data } = input;
  const rows = new Float32Array(data.length);
  if (rx > 0) {
    const scratch = { prefix: new Float32Array(width), suffix: new Float32Array(width) };
    for (let y = 0; y < height; y++) {
      const span = y * width;
      runningMax(data.subarray(span, span + width), rows.subarray(span, span + width), width, 1, rx, scratch);
    }
  } else rows.set(data);
  if (ry <= 0) return { width, height, data: rows };
  const out = new Float32Array(data.length);
  const scratch = { prefix: new Float32Array(data.length), suffix: new Float32Array(data.length) };
  runningMax(rows, out, height, width, ry, scratch);
  return { width, height, data: out };
}

function negated(input: Field): Field {
  const data = new Float32Array(input.data.length);
  for (let i = 0; i < data.length; i++) data[i] = -input.data[i]!;
  return { width: input.width, height: input.height, data };
}

/** Grey dilation with a (2rx+1) x (2ry+1) rectangle: the brightest value around each pixel. */
export function dilate(input: Field, rx: number, ry: number): Field {
  return maxFilter(input, rx, ry);
}

/** Grey erosion with a (2rx+1) x (2ry+1) rectangle: the darkest value around each pixel. */
export function erode(input: Field, rx: number, ry: number): Field {
  return negated(dilate(negated(input), rx, ry));
}

/** Grey dilation then erosion with a (2rx+1) x (2ry+1) rectangle: fills dark marks thinner than it. */
export function closing(input: Field, rx: number, ry: number): Field {
  return erode(dilate(input, rx, ry), rx, ry);
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
