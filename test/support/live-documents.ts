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
