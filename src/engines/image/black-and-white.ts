import type { RawImage } from './decode.js';
import type { ImageCheck } from './types.js';

/** Thumbnail side for the colour statistics: colour spread is a global property, and 256 px keeps it under 1 ms. */
export const CHROMA_THUMBNAIL_SIDE = 256;

/**
 * Pixels this close to white or black are left out: clipping there bends a tint's straight line (a yellowed copy's
 * paper clips red at 255 first), which alone lifted tinted copies to the level of weakly coloured documents.
 */
const CHROMA_MAX_CHANNEL = 240;
const CHROMA_MIN_CHANNEL = 15;

/**
 * Below this, the image counts as a black-and-white (or single-tint) copy. Measured with 256 px thumbnails on the
 * corpus (76 document images, 46 colour face photos; the 40 face-api.js crops are themselves grey) and on copies of
 * each generated with sharp:
 * - greyscale copies: 0.00, every image;
 * - tinted copies (luminance times a tint): yellowed at most 1.34, sepia at most 0.75, blue at most 1.85 (95% under
 *   1.49); a yellowed copy re-saved as JPEG quality 60: median 1.30, 95% under 1.91 (chroma subsampling adds
 *   spread at edges: about half of those slip through);
 * - colour documents: lowest 1.44 (a pale blue-and-black Spanish ID), 95% above 2.06; three grey scans in the corpus
 *   score 0.00, 0.04 and 0.75 and are rightly flagged.
 * 1.4 sits between the clean tinted copies and the palest colour document; it leaves little margin on either side.
 */
const MIN_CHROMA_SPREAD = 1.4;

/** Fewer mid-tone pixels than this in the thumbnail: no colour evidence either way, reported as no spread. */
const MIN_MIDTONE_PIXELS = 100;

/**
 * The spread of the image's colours that no single tint explains: the square root of the smaller eigenvalue of the
 * covariance of the two opponent-colour channels (red-green, yellow-blue), in 8-bit units.
 *
 * Why this and not saturation: a greyscale copy has no chroma at all, but a sepia or yellowed copy has plenty, all
 * along one direction (the tint, scaled by brightness), so its chroma points lie on a line: one large eigenvalue,
 * one near zero. A colour photo spreads its chroma in both directions.
 */
function chromaSpread(image: RawImage): number {
  if (image.channels !== 3) return 0;
  const pixels = image.width * image.height;
  let n = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum11 = 0;
  let sum22 = 0;
  let sum12 = 0;
  const { data } = image;
  for (let i = 0; i < pixels; i++) {
    const r = data[3 * i]!;
    const g = data[3 * i + 1]!;
    const b = data[3 * i + 2]!;
    if (Math.max(r, g, b) >= CHROMA_MAX_CHANNEL || Math.min(r, g, b) <= CHROMA_MIN_CHANNEL) continue;
    n++;
    const o1 = (r - g) / Math.SQRT2;
    const o2 = (r + g - 2 * b) / Math.sqrt(6);
    sum1 += o1;
    sum2 += o2;
    sum11 += o1 * o1;
    sum22 += o2 * o2;
    sum12 += o1 * o2;
  }
  // Too few mid-tone pixels (a page of black text on white) to say anything about colour.
  if (n < MIN_MIDTONE_PIXELS) return 0;
  const c11 = sum11 / n - (sum1 / n) ** 2;
  const c22 = sum22 / n - (sum2 / n) ** 2;
  const c12 = sum12 / n - (sum1 / n) * (sum2 / n);
  // Smaller eigenvalue of the symmetric 2x2 matrix [[c11, c12], [c12, c22]].
  const half = (c11 + c22) / 2;
  const smaller = half - Math.sqrt(((c11 - c22) / 2) ** 2 + c12 * c12);
  return Math.sqrt(Math.max(0, smaller));
}

export function blackAndWhiteCheck(thumbnail: RawImage): ImageCheck {
  const value = chromaSpread(thumbnail);
  return { value, passed: value >= MIN_CHROMA_SPREAD, threshold: MIN_CHROMA_SPREAD };
}
