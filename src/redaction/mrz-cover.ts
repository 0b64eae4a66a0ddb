import type { MrzBox } from '../engines/ocr/types.js';
import type { Box } from './boxes.js';

/**
 * How far the MRZ box is extended beyond its ends, as a fraction of its length. The reader's box
 * reliably starts before the first character but can stop short of the last ones (trailing fillers
 * carry little ink for the band locator): up to 9% of the band on the synthetic scans and photos
 * (0.35 to 4 character pitches), so the end gets 12% and the start a little as well.
 */
const mrzEndExtension = 0.12;
const mrzStartExtension = 0.03;

/** The part of the image to cover for the MRZ: the reader's box stretched along its lines. */
export function mrzCover(box: MrzBox): Box {
  const radians = (box.angle * Math.PI) / 180;
  const along = { x: Math.cos(radians), y: Math.sin(radians) };
  const horizontal = Math.abs(along.x) >= Math.abs(along.y);
  const length = horizontal ? box.width : box.height;
  const forwards = (horizontal ? along.x : along.y) >= 0;
  const before = length * (forwards ? mrzStartExtension : mrzEndExtension);
  const after = length * (forwards ? mrzEndExtension : mrzStartExtension);
  return horizontal
    ? { x: box.x - before, y: box.y, width: box.width + before + after, height: box.height }
    : { x: box.x, y: box.y - before, width: box.width, height: box.height + before + after };
}
