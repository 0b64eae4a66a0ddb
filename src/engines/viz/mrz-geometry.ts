import { centredFrame, resample, toSource } from '../ocr/frame.js';
import type { Point } from '../ocr/geometry.js';
import type { Field, Grey } from '../ocr/grey.js';
import { blackHat } from '../ocr/morphology.js';
import type { MrzBox } from '../ocr/types.js';

/** The MRZ's characters as measured on the image: where they are and the document's scale. */
export interface MrzGeometry {
  /** Centre of the MRZ text, source pixels. */
  centre: Point;
  /** Direction of the MRZ lines, degrees clockwise (180 when the document is upside down). */
  angle: number;
  /** Source pixels per millimetre of the document, from the MRZ's fixed 2.54 mm character pitch. */
  pixelsPerMm: number;
  /** From the cap top of the first MRZ line to the baseline of the last, source pixels. */
  height: number;
}

/** ICAO 9303: ten MRZ characters per inch, whatever the document. */
const characterPitchMm = 2.54;
/**
 * Inked length of a line of n OCR-B characters in pitches: n - 1 full pitches and the last glyph,
 * about 0.65 of a pitch wide (measured on the synthetic documents against their known geometry).
 */
const inkedPitches = (characters: number): number => characters - 0.35;
/** The measuring works on a copy whose band is at most this long, to stay fast on 12 MP photos. */
const workingLength = 1600;

/**
 * The MRZ band's thickness across its lines, from the upright box around it: the box of a band of
 * length L and thickness T turned by a is L|cos a| + T|sin a| wide and L|sin a| + T|cos a| high.
 * Near 45 degrees the two cannot be told apart and the box's smaller side is taken.
 */
function bandSize(box: MrzBox): { length: number; thickness: number } {
  const radians = (box.angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const determinant = cos * cos - sin * sin;
  if (Math.abs(determinant) < 0.5) {
    return { length: Math.max(box.width, box.height), thickness: Math.min(box.width, box.height) };
  }
  const length = (box.width * cos - box.height * sin) / determinant;
  const thickness = (box.height * cos - box.width * sin) / determinant;
  const limit = Math.max(box.width, box.height);
  return { length: Math.min(Math.max(length, limit * 0.5), limit), thickness: Math.min(Math.max(thickness, 4), limit) };
}

interface Run {
  start: number;
  end: number;
}

/** Runs of indices whose value reaches `level`, joined across gaps of at most `maxGap`. */
function runs(profile: Float64Array, level: number, maxGap: number): Run[] {
  const found: Run[] = [];
  let current: Run | undefined;
  for (let i = 0; i < profile.length; i++) {
    if (profile[i]! < level) continue;
    if (current && i - current.end <= maxGap + 1) current.end = i + 1;
    else found.push((current = { start: i, end: i + 1 }));
  }
  return found;
}

function rowProfile(ink: Field): Float64Array {
  const profile = new Float64Array(ink.height);
  for (let v = 0; v < ink.height; v++) {
    let sum = 0;
    for (let u = 0; u < ink.width; u++) sum += ink.data[v * ink.width + u]!;
    profile[v] = sum;
  }
  return profile;
}

function columnProfile(ink: Field, top: number, bottom: number): Float64Array {
  const profile = new Float64Array(ink.width);
  for (let v = top; v < bottom; v++) for (let u = 0; u < ink.width; u++) profile[u]! += ink.data[v * ink.width + u]!;
  return profile;
}

/**
 * Measures the MRZ text inside the band the MRZ reader reported: the reader's box says where the band
 * is and at which angle, but its length is not always the text's (it may stop short or run on over
 * the background), and the scale of the whole page is derived from it. So the band is cut out level,
 * its dark strokes isolated (black-hat), and the MRZ lines found as the rows of ink nearest its middle;
 * the text's ends are where the ink of those rows stops. Undefined when no such lines are there.
 */
export function measureMrz(image: Grey, box: MrzBox, charactersPerLine: number): MrzGeometry | undefined {
  const { length, thickness } = bandSize(box);
  const reach = length * 1.3 + 2 * thickness;
  const pixel = Math.max(1, reach / workingLength);
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const width = Math.round(reach / pixel);
  const height = Math.round((2 * thickness) / pixel);
  if (width < 40 || height < 8) return undefined;
  const frame = centredFrame(centre, box.angle, pixel, width, height);
  const radius = Math.min(12, Math.max(2, Math.round(thickness / pixel / 9)));
  const ink = blackHat(resample(image, frame, 255), radius, radius);

  const rows = rowProfile(ink);
  const sorted = [...rows].sort((a, b) => a - b);
  const floor = sorted[Math.floor(sorted.length * 0.2)]!;
  const peak = sorted[sorted.length - 1]!;
  if (peak <= floor) return undefined;
  const lines = runs(rows, floor + (peak - floor) / 3, 0).filter(
    (run) => run.end - run.start >= 2 && Math.abs((run.start + run.end) / 2 - height / 2) <= (thickness / pixel) * 0.6,
  );
  if (lines.length === 0) return undefined;
  const top = lines[0]!.start;
  const bottom = lines[lines.length - 1]!.end;
  const capHeight = [...lines.map((run) => run.end - run.start)].sort((a, b) => a - b)[Math.floor(lines.length / 2)]!;

  const columns = columnProfile(ink, top, bottom);
  const strongest = Math.max(...columns);
  const pieces = runs(columns, strongest * 0.08, Math.ceil(capHeight * 1.5));
  const text = pieces.reduce<Run | undefined>(
    (best, run) => (!best || run.end - run.start > best.end - best.start ? run : best),
    undefined,
  );
  if (!text || text.end - text.start < capHeight * charactersPerLine * 0.3) return undefined;

  const pitch = ((text.end - text.start) * pixel) / inkedPitches(charactersPerLine);
  return {
    centre: toSource(frame, (text.start + text.end) / 2, (top + bottom) / 2),
    angle: box.angle,
    pixelsPerMm: pitch / characterPitchMm,
    height: (bottom - top) * pixel,
  };
}
