import { imageSize, InvalidImageError, openImage } from '../image/decode.js';

/**
 * Photos are downscaled to this longest side before detection. The detector works at 256 px and the recognition net
 * at 150 px per face, so more pixels only cost decoding and tensor time: a 12 MP photo downscaled here still leaves an
 * ID-card portrait over 200 px tall.
 */
const MAX_DETECT_SIDE = 1280;

/**
 * Border added on every side, as a share of the longer side, filled by repeating the edge pixels. Faces that fill
 * the frame or touch its edge (tight portrait crops, a face cut by the border) were missed or badly cropped
 * without it: on the corpus it found the one face the detector missed (a 150 px tight crop), dropped two spurious
 * detections and lowered the equal error rate of every pair from 8.6% to 6.2% with the faceres embedder used then
 * (see bench/faces).
 */
const DETECT_PADDING = 0.25;

/** RGB pixels ready for the detector, and how to map them back to the original image. */
export interface PreparedPhoto {
  data: Buffer;
  width: number;
  height: number;
  /** Original pixels per prepared pixel. */
  scale: number;
  /** Padding on the left and top, in prepared pixels. */
  padX: number;
  padY: number;
  originalWidth: number;
  originalHeight: number;
}

export async function preparePhoto(input: Buffer): Promise<PreparedPhoto> {
  const { width: originalWidth, height: originalHeight } = await imageSize(input);
  const scale = Math.max(1, Math.max(originalWidth, originalHeight) / MAX_DETECT_SIDE);
  const pad = Math.round((DETECT_PADDING * Math.max(originalWidth, originalHeight)) / scale);
  let pipeline = openImage(input).flatten({ background: '#ffffff' }).toColourspace('srgb');
  if (scale > 1) pipeline = pipeline.resize({ width: MAX_DETECT_SIDE, height: MAX_DETECT_SIDE, fit: 'inside' });
  try {
    const { data, info } = await pipeline
      .extend({ top: pad, bottom: pad, left: pad, right: pad, extendWith: 'copy' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new InvalidImageError(`unexpected ${info.channels} channels`);
    // The resize rounds each side on its own: take the exact scale per axis from what came out.
    const innerWidth = info.width - 2 * pad;
    return {
      data,
      width: info.width,
      height: info.height,
      scale: originalWidth / innerWidth,
      padX: pad,
      padY: pad,
      originalWidth,
      originalHeight,
    };
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
    throw new InvalidImageError(error instanceof Error ? error.message : String(error));
  }
}
