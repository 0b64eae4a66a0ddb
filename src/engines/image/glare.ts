import type { RawImage } from './decode.js';
import type { Box, ImageCheck } from './types.js';

/** A pixel is blown out when all three channels reach this: white with no detail left, as glare leaves it. */
const GLARE_LEVEL = 250;

/**
 * Most of the document area that may be blown out. On the corpus, 62 of 76 document images are under 0.25 (the
 * median is 0.006); the other 14 (0.29 to 0.79) are digital specimen renderings and scans whose paper or background
 * is pure white, which pixel values cannot tell from blown-out glare: give a `documentBox` to leave background out. Copies
 * over-exposed with sharp's linear(1.8, 40) score 0.29 and above, 95% of them above 0.59.
 */
const MAX_GLARE_SHARE = 0.25;

/** Share of pixels inside `area` (thumbnail pixels) whose three channels are all at or above GLARE_LEVEL. */
function glareShare(image: RawImage, area?: Box): number {
  const x0 = Math.max(0, Math.floor(area?.x ?? 0));
  const y0 = Math.max(0, Math.floor(area?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(area ? area.x + area.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(area ? area.y + area.height : image.height));
  let glare = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * image.channels;
      let min = 255;
      for (let c = 0; c < image.channels; c++) min = Math.min(min, image.data[i + c]!);
      if (min >= GLARE_LEVEL) glare++;
      total++;
    }
  }
  return total === 0 ? 0 : glare / total;
}

export function glareCheck(image: RawImage, area?: Box): ImageCheck {
  const value = glareShare(image, area);
  return { value, passed: value <= MAX_GLARE_SHARE, threshold: MAX_GLARE_SHARE };
}
