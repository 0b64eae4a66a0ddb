import type { Box } from './boxes.js';
import type { RedactionLevel } from './fields.js';

/**
 * The margin added on every side of a located box, as a fraction of the box's shorter side. The
 * shorter side is the document's own scale at that spot: the character height for printed text and
 * the MRZ band (its height), the face width for a portrait. So a level covers the same share of a
 * field whatever the resolution of the image. 'standard' still leaves room for the anti-aliased edges
 * of the characters and for a detector box that is a little tight.
 */
export const marginFactors: Record<RedactionLevel, number> = {
  standard: 0.2,
  medium: 0.4,
  high: 0.7,
  veryHigh: 1,
};

/** Never less than this many pixels on a side, so a tiny box still loses its blurred edges. */
const minimumMarginPixels = 2;

/** `box` grown by the level's margin on every side (not clipped: painting clips to the image). */
export function withMargin(box: Box, level: RedactionLevel): Box {
  const margin = Math.max(minimumMarginPixels, marginFactors[level] * Math.min(box.width, box.height));
  return {
    x: box.x - margin,
    y: box.y - margin,
    width: box.width + 2 * margin,
    height: box.height + 2 * margin,
  };
}
