import type { RawImage } from './decode.js';
import type { ImageCheck } from './types.js';

/**
 * Below this mean luminance (0-255, Rec. 601 weights) a document image is too dark to read: printed
 * text sinks into sensor noise. Measured on the corpus at 512 px: the 76 document images average 119
 * and more. The whole frame's mean says little about a portrait: studio photos on a black background
 * average 22 to 49 with a well-lit face, so a selfie is judged by finding its face instead.
 */
const MIN_MEAN_LUMINANCE = 45;

export function brightnessCheck(image: RawImage): ImageCheck {
  const pixels = image.width * image.height;
  let sum = 0;
  for (let i = 0; i < pixels; i++) {
    const at = i * image.channels;
    sum += 0.299 * image.data[at]! + 0.587 * image.data[at + 1]! + 0.114 * image.data[at + 2]!;
  }
  const value = pixels === 0 ? 0 : sum / pixels;
  return { value, passed: value >= MIN_MEAN_LUMINANCE, threshold: MIN_MEAN_LUMINANCE };
}
