import sharp from 'sharp';
import { centredFrame, resample, toSource, type Frame } from './frame.js';
import { bounds, type Point } from './geometry.js';
import { percentile, type Field, type Grey } from './grey.js';
import type { BandCandidate } from './locate.js';
import { blackHat, closing } from './morphology.js';
import { estimateSkew } from './skew.js';
import type { MrzBox } from './types.js';

/** Character height the OCR model was trained at (OCR-B at 10-14 pt, 300 dpi: 30-42 px). */
export const modelCapHeight = 34;
/** Band size limits, in character heights: 44 characters with generous pitch, three lines with spacing. */
const maxBandCharacters = 80;
const maxBandLines = 12;
/** Wider than a stroke at that height (about 5 px), narrower than a shadow's edge. */
const paperRadius = 8;

/** The MRZ band cut out of the source, level, scaled for the OCR model, contrast stretched. */
export interface Band {
  image: Field;
  frame: Frame;
}

interface Row {
  top: number;
  bottom: number;
  peak: number;
}

/**
 * Ink of a band: strokes darker than the paper around them (black-hat), so that profiles add up
 * text, not a tinted background, a shadow, or the desk beyond the document's edge.
 */
const ink = (band: Field): Field => blackHat(band, paperRadius, paperRadius);

/** Text rows: runs of rows whose ink rises at least a third of the way from the quiet rows to the strongest. */
function textRows(field: Field, from = 0, to = field.width): Row[] {
  const profile = new Float64Array(field.height);
  for (let v = 0; v < field.height; v++) {
    let sum = 0;
    for (let u = from; u < to; u++) sum += field.data[v * field.width + u]!;
    profile[v] = sum;
  }
  const max = Math.max(...profile);
  const floor = [...profile].sort((a, b) => a - b)[Math.floor(field.height * 0.2)]!;
  const level = floor + (max - floor) / 3;
  const rows: Row[] = [];
  let start = -1;
  for (let v = 0; v <= field.height; v++) {
    const on = v < field.height && profile[v]! >= level;
    if (on && start < 0) start = v;
    if (!on && start >= 0) {
      let peak = 0;
      for (let k = start; k < v; k++) peak = Math.max(peak, profile[k]!);
      if (v - start >= 3) rows.push({ top: start, bottom: v, peak });
      start = -1;
    }
  }
  return rows;
}

/**
 * The ends of the MRZ lines: from the located extent [from, to), widened while text columns follow
 * each other with gaps narrower than `maxGap` (the locator may stop short of faint fillers). A text
 * column has its ink in the text rows; texture (a desk, security print) has as much between them, and
 * stops the widening like a gap does.
 */
function lineEnds(field: Field, rows: readonly Row[], from: number, to: number, maxGap: number): [number, number] {
  const { width, height, data } = field;
  const inRow = new Uint8Array(height);
  for (const r of rows) inRow.fill(1, r.top, r.bottom);
  const text = new Float64Array(width);
  const other = new Float64Array(width);
  let textRows = 0;
  for (let v = 0; v < height; v++) {
    const target = inRow[v] ? text : other;
    if (inRow[v]) textRows++;
    for (let u = 0; u < width; u++) target[u]! += data[v * width + u]!;
  }
  const otherRows = Math.max(1, height - textRows);
  for (let u = 0; u < width; u++) {
    text[u]! /= Math.max(1, textRows);
    other[u]! /= otherRows;
  }
  const inside = [...text.slice(Math.max(0, Math.round(from)), Math.min(width, Math.round(to)))].sort((a, b) => a - b);
  // A column with a sliver of a character; text columns are far above it, paper far below.
  const level = 0.15 * (inside[Math.floor(inside.length * 0.75)] ?? 0);
  const isText = (u: number): boolean => text[u]! > level && text[u]! > 2 * other[u]!;
  const widen = (start: number, step: number): number => {
    let edge = start;
    let gap = 0;
    for (let u = start; u >= 0 && u < width && gap <= maxGap; u += step) {
      if (isText(u)) [edge, gap] = [u, 0];
      else gap++;
    }
    return edge;
  };
  return [widen(Math.max(0, Math.round(from)), -1), widen(Math.min(width - 1, Math.round(to)), 1)];
}

/**
 * Flattens the paper and stretches the contrast, keeping grey levels (thresholding here was measured
 * to hurt): the paper level is the band's grey closing (dark strokes filled in), so a shadow, a
 * tinted background or the dark desk beyond the document's edge all become white, while the strokes
 * keep their shape. Then a linear stretch from the ink level to white.
 */
function normalise(band: Field): Field {
  const paper = closing(band, paperRadius, paperRadius);
  const data = new Float32Array(band.data.length);
  for (let i = 0; i < data.length; i++) data[i] = (255 * band.data[i]!) / Math.max(1, paper.data[i]!);
  const dark = percentile(data, 0.02);
  const scale = 255 / Math.max(16, 255 - dark);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(255, Math.max(0, (data[i]! - dark) * scale));
  return { width: band.width, height: band.height, data };
}

/**
 * Cuts the band out twice: a first generous cut measures the real text height, the residual skew
 * and the ends of the lines; the second cut is level, tight and scaled so characters are about
 * `capHeightTarget` pixels high (the model's own height unless told). `flip` reads the band upside
 * down (a document held the other way).
 */
export function extractBand(
  image: Grey,
  candidate: BandCandidate,
  flip: boolean,
  capHeightTarget = modelCapHeight,
): Band | undefined {
  const [tl, tr, br, bl] = candidate.corners;
  const centre: Point = { x: (tl.x + tr.x + br.x + bl.x) / 4, y: (tl.y + tr.y + br.y + bl.y) / 4 };
  const length = (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(br.x - bl.x, br.y - bl.y)) / 2;
  const thickness = (Math.hypot(bl.x - tl.x, bl.y - tl.y) + Math.hypot(br.x - tr.x, br.y - tr.y)) / 2;
  const angle = candidate.angle + (flip ? 180 : 0);

  // First cut: the locator measures thickened lines, so aim a little small and leave room around.
  let pixel = Math.max(0.05, candidate.lineHeight / (capHeightTarget * 0.9));
  const firstWidth = Math.round((length * 1.3 + 4 * candidate.lineHeight) / pixel);
  const firstHeight = Math.round((thickness + 2 * candidate.linePitch) / pixel);
  if (firstWidth < 20 || firstHeight < 10 || firstWidth * firstHeight > 12_000_000) return undefined;
  const first = resample(image, centredFrame(centre, angle, pixel, firstWidth, firstHeight), 255);
  const firstInk = ink(first);

  const residual = estimateSkew(firstInk, percentile(firstInk.data, 0.9), -2, 2, 0.5).angle;
  const rows = textRows(firstInk);
  if (rows.length === 0) return undefined;
  // The MRZ rows: those of the located band (around the middle), not text above or below it.
  const middle = firstHeight / 2;
  const reach = (thickness / pixel) * 0.5 + (candidate.linePitch / pixel) * 0.9;
  const mrzRows = rows.filter((r) => Math.abs((r.top + r.bottom) / 2 - middle) <= reach);
  if (mrzRows.length === 0) return undefined;
  const heights = mrzRows.map((r) => r.bottom - r.top).sort((a, b) => a - b);
  const capHeight = heights[Math.floor(heights.length / 2)]!;
  const top = mrzRows[0]!.top;
  const bottom = mrzRows[mrzRows.length - 1]!.bottom;
  const located = length / pixel / 2;
  const columns = lineEnds(firstInk, mrzRows, firstWidth / 2 - located, firstWidth / 2 + located, capHeight * 0.8);

  // Second cut, in source coordinates: the same centre of the text, the corrected angle and scale.
  const textCentre = toSource(
    centredFrame(centre, angle, pixel, firstWidth, firstHeight),
    (columns[0] + columns[1]) / 2,
    (top + bottom) / 2,
  );
  const finalPixel = (pixel * capHeight) / capHeightTarget;
  const margin = 0.9 * capHeight * (pixel / finalPixel);
  const width = Math.round(((columns[1] - columns[0]) * pixel) / finalPixel + 2 * margin);
  const height = Math.round(((bottom - top) * pixel) / finalPixel + 2 * margin);
  // An MRZ line is at most 44 characters about a character height apart, and three lines deep; a
  // wider cut followed texture instead of text (and Tesseract fails outright past 32,767 px).
  if (width > maxBandCharacters * capHeightTarget || height > maxBandLines * capHeightTarget) return undefined;
  pixel = finalPixel;
  const frame = centredFrame(textCentre, angle + residual, pixel, width, height);
  return { image: normalise(resample(image, frame, 255)), frame };
}

/** The band as an 8-bit grey PNG for Tesseract (fastest compression: it is decoded at once). */
export function bandPng(band: Band): Promise<Buffer> {
  const { width, height, data } = band.image;
  const bytes = Buffer.alloc(width * height);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.round(data[i]!);
  return sharp(bytes, { raw: { width, height, channels: 1 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** The band's outline in source pixels and the direction of its lines. */
export function bandBox(band: Band): MrzBox {
  const { frame } = band;
  const corners = [
    toSource(frame, 0, 0),
    toSource(frame, frame.width, 0),
    toSource(frame, frame.width, frame.height),
    toSource(frame, 0, frame.height),
  ];
  const { x, y, width, height } = bounds(corners);
  let angle = (Math.atan2(frame.along.y, frame.along.x) * 180) / Math.PI;
  if (angle <= -180) angle += 360;
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    angle: Math.round(angle * 10) / 10,
  };
}
