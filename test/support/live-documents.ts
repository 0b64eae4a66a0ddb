import sharp from 'sharp';
import { generateDocument, type SyntheticDocument } from './synthetic/generate.js';

/** A clean synthetic identity document (valid MRZ in OCR-B), dated relative to `today`. */
export function syntheticDocument(seed: number, format: 'TD1' | 'TD3', today = new Date()): Promise<SyntheticDocument> {
  return generateDocument({ seed, quality: 'clean', format, today });
}

/**
 * The document with a real face photo printed where its portrait is (the right of a synthetic ID card:
 * the generator's card layout), so that face comparison has a real portrait to work on.
 */
export async function withPortrait(document: SyntheticDocument, face: Buffer): Promise<Buffer> {
  const left = Math.round(document.width * 0.705);
  const top = Math.round(document.height * 0.15);
  const width = Math.round(document.width * 0.185);
  const height = Math.round(document.height * 0.35);
  const portrait = await sharp(face).rotate().resize(width, height, { fit: 'cover', position: 'attention' }).toBuffer();
  return sharp(document.image)
    .composite([{ input: portrait, left, top }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

export const dataUrlOf = (bytes: Buffer, type = 'image/jpeg') => `data:${type};base64,${bytes.toString('base64')}`;

/**
 * A synthetic passport's card (its white margin cropped off: white paper is indistinguishable from glare) photographed
 * with a blown-out reflection over the right of its machine-readable zone, and where that spot is in image pixels.
 */
export async function glaringDocument(
  seed: number,
): Promise<{ image: Buffer; spot: { x: number; y: number; width: number; height: number } }> {
  const document = await syntheticDocument(seed, 'TD3');
  // The generator's passport layout: the card sits 5% in from each side of the image.
  const left = Math.round(document.width * 0.06);
  const top = Math.round(document.height * 0.06);
  const width = Math.round(document.width * 0.88);
  const height = Math.round(document.height * 0.88);
  const spot = {
    x: Math.round(width * 0.68),
    y: Math.round(height * 0.78),
    width: Math.round(width * 0.2),
    height: Math.round(height * 0.14),
  };
  const ellipse =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><ellipse fill="#fff" ` +
    `cx="${spot.x + spot.width / 2}" cy="${spot.y + spot.height / 2}" rx="${spot.width / 2}" ry="${spot.height / 2}"/></svg>`;
  const image = await sharp(document.image)
    .extract({ left, top, width, height })
    .composite([{ input: Buffer.from(ellipse) }])
    .jpeg({ quality: 92 })
    .toBuffer();
  return { image, spot };
}
