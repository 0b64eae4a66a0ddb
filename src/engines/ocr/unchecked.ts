import type { MrzFormat } from '../mrz/index.js';

/** Character ranges [start, end) of one line. */
type Ranges = ReadonlyArray<readonly [number, number]>;

/**
 * Positions no check digit protects, per format and line (ICAO 9303 Parts 4 to 7): document code,
 * issuing state, names, nationality, sex, and the optional data of visas. A misread there passes
 * every check digit, so the reader only calls a reading valid when the OCR was sure of them.
 */
const uncheckedByFormat: Partial<Record<MrzFormat, Ranges[]>> = {
  TD1: [
    [[0, 5]],
    [
      [7, 8],
      [15, 18],
    ],
    [[0, 30]],
  ],
  TD2: [
    [[0, 36]],
    [
      [10, 13],
      [20, 21],
    ],
  ],
  TD3: [
    [[0, 44]],
    [
      [10, 13],
      [20, 21],
    ],
  ],
  MRVA: [
    [[0, 44]],
    [
      [10, 13],
      [20, 21],
      [28, 44],
    ],
  ],
  MRVB: [
    [[0, 36]],
    [
      [10, 13],
      [20, 21],
      [28, 36],
    ],
  ],
};

/** Whether position `index` of line `line` is protected by no check digit (unknown formats: all are). */
export function isUnchecked(format: MrzFormat, line: number, index: number): boolean {
  const ranges = uncheckedByFormat[format]?.[line];
  if (!ranges) return true;
  return ranges.some(([start, end]) => index >= start && index < end);
}
