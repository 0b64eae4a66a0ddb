import { openImage } from '../image/decode.js';
import type { FaceBox } from './types.js';

/**
 * Margin added on each side of the detected face, as a share of its size. The detector's box is tight around the
 * features; ID portraits show the whole head and shoulders, and a later re-detection needs context around the face.
 */
const PORTRAIT_MARGIN = 0.35;

/** The face box grown by PORTRAIT_MARGIN on each side, clipped to the image. */
export function portraitBox(face: FaceBox, image: { width: number; height: number }): FaceBox {
  const left = Math.max(0, Math.floor(face.x - face.width * PORTRAIT_MARGIN));
  const top = Math.max(0, Math.floor(face.y - face.height * PORTRAIT_MARGIN));
  const right = Math.min(image.width, Math.ceil(face.x + face.width * (1 + PORTRAIT_MARGIN)));
  const bottom = Math.min(image.height, Math.ceil(face.y + face.height * (1 + PORTRAIT_MARGIN)));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** Crops `box` out of the full-resolution image (EXIF orientation applied) as a JPEG. */
export async function cropJpeg(image: Buffer, box: FaceBox): Promise<Buffer> {
  return openImage(image)
    .flatten({ background: '#ffffff' })
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .jpeg({ quality: 92 })
    .toBuffer();
}
