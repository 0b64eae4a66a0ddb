import { connectedComponents, type Blob, type Labelling } from './components.js';
import { centredFrame, levelFrame, resample, toSource, type Frame } from './frame.js';
import type { Point, Quad } from './geometry.js';
import { percentile, shrink, type Field, type Grey } from './grey.js';
import { blackHat } from './morphology.js';
import { estimateSkew } from './skew.js';

/** A place in the image that looks like an MRZ: two or three long, even, parallel lines of text. */
export interface BandCandidate {
  /** The lines' outline in source pixels, clockwise from the top left of the first line. */
  corners: Quad;
  /** Direction of the lines, degrees clockwise (image y down). */
  angle: number;
  /** Text height (of a line, without the gap) in source pixels. */
  lineHeight: number;
  /** Distance between the lines' centres, in source pixels. */
  linePitch: number;
  lines: number;
  score: number;
}

/** The locator works on a reduced copy whose longer side is about this many pixels. */
const workingSize = 1000;

interface Line extends Blob {
  cy: number;
  height: number;
  width: number;
}

/** Joins ink pixels of a row that are at most `gap` apart, so that a line of characters becomes one blob. */
function smearRows(mask: Uint8Array, width: number, height: number, gap: number): Uint8Array {
  const out = new Uint8Array(mask);
  for (let y = 0; y < height; y++) {
    let last = -1;
    for (let x = 0; x < width; x++) {
      if (!mask[y * width + x]) continue;
      if (last >= 0 && x - last > 1 && x - last <= gap) out.fill(1, y * width + last + 1, y * width + x);
      last = x;
    }
  }
  return out;
}

/** Typical character height: the median height of character-shaped blobs. */
function characterHeight(blobs: Blob[]): number {
  const heights = blobs
    .filter((b) => {
      const h = b.y1 - b.y0;
      const w = b.x1 - b.x0;
      return h >= 4 && h <= 80 && w <= 1.6 * h && w >= 0.15 * h && b.area >= 8;
    })
    .map((b) => b.y1 - b.y0)
    .sort((a, b) => a - b);
  return heights.length > 0 ? heights[Math.floor(heights.length * 0.6)]! : 8;
}

/**
 * Splits each smeared blob into text lines by its row profile. A blob may hold several lines when a
 * security-print curve or a frame line crosses them: those add a few pixels per row, text adds many.
 */
function splitLines(labelling: Labelling, width: number): Line[] {
  const lines: Line[] = [];
  labelling.blobs.forEach((blob, index) => {
    const bw = blob.x1 - blob.x0;
    const bh = blob.y1 - blob.y0;
    if (bw < 8 * 3 || bh < 3) return;
    const label = index + 1;
    const rows = new Int32Array(bh);
    for (let y = blob.y0; y < blob.y1; y++) {
      let count = 0;
      for (let x = blob.x0; x < blob.x1; x++) if (labelling.labels[y * width + x] === label) count++;
      rows[y - blob.y0] = count;
    }
    const peak = Math.max(...rows);
    let start = -1;
    for (let r = 0; r <= bh; r++) {
      const on = r < bh && rows[r]! >= 0.35 * peak;
      if (on && start < 0) start = r;
      if (on || start < 0) continue;
      const y0 = blob.y0 + start;
      const y1 = blob.y0 + r;
      start = -1;
      if (y1 - y0 < 2) continue;
      // The line's ends: the outermost columns where most of the line's rows are set.
      const columns = new Int32Array(bw);
      let area = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = blob.x0; x < blob.x1; x++) {
          if (labelling.labels[y * width + x] !== label) continue;
          columns[x - blob.x0]!++;
          area++;
        }
      }
      const needed = 0.5 * (y1 - y0);
      let left = 0;
      while (left < bw && columns[left]! < needed) left++;
      let right = bw - 1;
      while (right > left && columns[right]! < needed) right--;
      if (right <= left) continue;
      const x0 = blob.x0 + left;
      const x1 = blob.x0 + right + 1;
      lines.push({ x0, x1, y0, y1, area, width: x1 - x0, height: y1 - y0, cy: (y0 + y1) / 2 });
    }
  });
  return lines;
}

/** Long, dense, thin lines: the shape of a line of fixed-pitch characters. */
function textLines(lines: Line[], minWidth: number): Line[] {
  return lines.filter((l) => l.width >= minWidth && l.width >= 12 * l.height && l.area >= 0.4 * l.width * l.height);
}

/** Groups of two or three stacked lines of similar length and height, evenly spaced. */
function groupLines(lines: Line[]): Line[][] {
  const sorted = [...lines].sort((a, b) => a.cy - b.cy);
  const groups: Line[][] = [];
  const fits = (a: Line, b: Line): boolean => {
    const h = Math.max(a.height, b.height);
    const gap = b.cy - a.cy;
    return (
      Math.abs(a.height - b.height) <= 0.5 * h &&
      gap >= 1.1 * h &&
      gap <= 3 * h &&
      Math.abs(a.x0 - b.x0) <= 2.5 * h &&
      Math.min(a.width, b.width) >= 0.6 * Math.max(a.width, b.width)
    );
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const [a, b] = [sorted[i]!, sorted[j]!];
      if (b.cy - a.cy > 3 * Math.max(a.height, b.height)) break;
      if (!fits(a, b)) continue;
      groups.push([a, b]);
      for (let k = j + 1; k < sorted.length; k++) {
        const c = sorted[k]!;
        if (c.cy - b.cy > 3 * Math.max(b.height, c.height)) break;
        const even = Math.abs(c.cy - b.cy - (b.cy - a.cy)) <= 0.35 * (b.cy - a.cy);
        if (even && fits(b, c)) groups.push([a, b, c]);
      }
    }
  }
  return groups;
}

function score(group: Line[], image: { width: number; height: number }): number {
  const widths = group.map((l) => l.width);
  const heights = group.map((l) => l.height);
  const evenness = Math.min(...widths) / Math.max(...widths);
  const density = group.reduce((sum, l) => sum + l.area / (l.width * l.height), 0) / group.length;
  const length = Math.min(...widths) / Math.max(...heights);
  // An MRZ is long (30 to 44 characters), even, dense, and usually at the bottom of the document.
  const low = 0.8 + (0.2 * group[group.length - 1]!.cy) / image.height;
  return Math.min(length, 60) * evenness * density * low * (group.length === 3 ? 1.05 : 1);
}

function candidateFrom(group: Line[], level: Frame, factor: number): BandCandidate {
  const x0 = Math.min(...group.map((l) => l.x0));
  const x1 = Math.max(...group.map((l) => l.x1));
  const y0 = group[0]!.y0;
  const y1 = group[group.length - 1]!.y1;
  // Small-image pixel centres sit at (i + 0.5) * factor - 0.5 in the source.
  const toFull = (u: number, v: number): Point => {
    const p = toSource(level, u, v);
    return { x: (p.x + 0.5) * factor - 0.5, y: (p.y + 0.5) * factor - 0.5 };
  };
  const heights = group.map((l) => l.height).sort((a, b) => a - b);
  const pitch = (group[group.length - 1]!.cy - group[0]!.cy) / (group.length - 1);
  const pixel = Math.hypot(level.along.x, level.along.y);
  return {
    corners: [toFull(x0, y0), toFull(x1, y0), toFull(x1, y1), toFull(x0, y1)],
    angle: (Math.atan2(level.along.y, level.along.x) * 180) / Math.PI,
    lineHeight: heights[Math.floor(heights.length / 2)]! * pixel * factor,
    linePitch: pitch * pixel * factor,
    lines: group.length,
    score: 0,
  };
}

interface Search {
  response: Field;
  threshold: number;
  charHeight: number;
  minWidth: number;
  factor: number;
}

function maskOf(field: Field, threshold: number): Uint8Array {
  const mask = new Uint8Array(field.data.length);
  for (let i = 0; i < mask.length; i++) mask[i] = field.data[i]! > threshold ? 1 : 0;
  return mask;
}

/**
 * Candidates in one levelled view of the response, and the blobs too tall to be a line: several
 * lines run together, typically because they are tilted against this view (perspective).
 */
function searchFrame(
  search: Search,
  frame: Frame,
  levelled = resample(search.response, frame, 0),
): { candidates: BandCandidate[]; merged: Blob[] } {
  const { width, height } = levelled;
  const smeared = smearRows(
    maskOf(levelled, search.threshold),
    width,
    height,
    Math.max(3, Math.round(search.charHeight * 1.1)),
  );
  const labelling = connectedComponents(smeared, width, height);
  const lines = textLines(splitLines(labelling, width), search.minWidth);
  const candidates = groupLines(lines).map((group) => ({
    ...candidateFrom(group, frame, search.factor),
    score: score(group, levelled),
  }));
  const merged = labelling.blobs.filter(
    (b) =>
      b.x1 - b.x0 >= search.minWidth &&
      b.y1 - b.y0 >= 2.2 * search.charHeight &&
      b.area >= 0.08 * (b.x1 - b.x0) * (b.y1 - b.y0),
  );
  return { candidates, merged };
}

/**
 * Finds MRZ-like bands: text response by black-hat on a reduced grey copy, the text's angle by
 * projection profiles, then long even lines grouped by twos and threes. Where lines run together
 * (the MRZ tilted against the rest of the text by perspective), the region is levelled again at its
 * own angle and searched once more. Best first.
 */
export function locateBands(image: Grey, maxCandidates = 4): BandCandidate[] {
  const factor = Math.max(1, Math.ceil(Math.max(image.width, image.height) / workingSize));
  const small = shrink(image, factor);
  const response = blackHat(small, 5, 3);
  const threshold = Math.max(12, 0.3 * percentile(response.data, 0.995, 3));
  // The whole half-turn of angles: a document photographed sideways has vertical lines (reading
  // then tries both directions along them).
  const skew = estimateSkew(response, threshold, -90, 90);
  const level = levelFrame(small, skew.angle);
  const levelled = resample(response, level, 0);
  const glyphs = connectedComponents(maskOf(levelled, threshold), level.width, level.height);
  const search: Search = {
    response,
    threshold,
    charHeight: characterHeight(glyphs.blobs),
    minWidth: Math.max(40, 0.15 * Math.min(small.width, small.height)),
    factor,
  };
  const { candidates, merged } = searchFrame(search, level, levelled);
  for (const blob of merged.sort((a, b) => b.area - a.area).slice(0, 3)) {
    const margin = search.charHeight;
    const width = blob.x1 - blob.x0 + 2 * margin;
    const height = blob.y1 - blob.y0 + 2 * margin;
    const region = resample(
      response,
      { ...level, origin: toSource(level, blob.x0 - margin, blob.y0 - margin), width, height },
      0,
    );
    const local = estimateSkew(region, threshold, -12, 12, 1);
    if (Math.abs(local.angle) < 1) continue;
    const centre = toSource(level, (blob.x0 + blob.x1) / 2, (blob.y0 + blob.y1) / 2);
    const reach = Math.hypot(width, height);
    candidates.push(
      ...searchFrame(search, centredFrame(centre, skew.angle + local.angle, 1, Math.ceil(reach), Math.ceil(reach)))
        .candidates,
    );
  }
  return distinct(candidates.sort((a, b) => b.score - a.score)).slice(0, maxCandidates);
}

const centreOf = (c: BandCandidate): Point => ({
  x: c.corners.reduce((sum, p) => sum + p.x, 0) / 4,
  y: c.corners.reduce((sum, p) => sum + p.y, 0) / 4,
});

/** Drops candidates that are the same band as a better one (same place, same direction): one OCR each. */
function distinct(sorted: BandCandidate[]): BandCandidate[] {
  const kept: BandCandidate[] = [];
  for (const candidate of sorted) {
    const centre = centreOf(candidate);
    const same = kept.some((k) => {
      const other = centreOf(k);
      return (
        Math.hypot(other.x - centre.x, other.y - centre.y) < k.linePitch && Math.abs(k.angle - candidate.angle) < 2
      );
    });
    if (!same) kept.push(candidate);
  }
  return kept;
}
