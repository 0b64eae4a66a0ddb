import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { generateDocument } from '../../src/engines/ocr/synthetic/generate.js';

/** One live verification to run: the process to create and the images to upload. */
export interface LiveCase {
  name: string;
  process: Record<string, string>;
  images: Record<string, string>;
}

const dataUrl = (bytes: Buffer, type: string) => `data:${type};base64,${bytes.toString('base64')}`;

/**
 * The work the benchmark sends: synthetic passports through Signicat Paper (MRZ location and OCR), and,
 * when the shared corpus has face photos, synthetic ID cards with a real portrait printed on them plus a
 * selfie of the same person through Signicat PictureID documentSelfie (MRZ, two face detections and a
 * comparison). Generated once before the run, at phone-photo-like "scan" quality.
 */
export async function liveCases(count: number, corpusDir: string): Promise<LiveCase[]> {
  const faces = facesFrom(corpusDir);
  const cases: LiveCase[] = [];
  for (let i = 0; i < count; i++) {
    const passport = await generateDocument({ seed: 1000 + i, quality: 'scan', format: 'TD3', today: new Date() });
    cases.push({
      name: 'signicatpaper passport',
      process: { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' },
      images: { front: dataUrl(await sharp(passport.image).jpeg({ quality: 90 }).toBuffer(), 'image/jpeg') },
    });
    const face = faces[i % Math.max(1, faces.length)];
    if (face === undefined) continue;
    const card = await generateDocument({ seed: 2000 + i, quality: 'clean', format: 'TD1', today: new Date() });
    const portrait = await sharp(face)
      .rotate()
      .resize(Math.round(card.width * 0.185), Math.round(card.height * 0.35), { fit: 'cover', position: 'attention' })
      .toBuffer();
    const front = await sharp(card.image)
      .composite([{ input: portrait, left: Math.round(card.width * 0.705), top: Math.round(card.height * 0.15) }])
      .jpeg({ quality: 90 })
      .toBuffer();
    cases.push({
      name: 'signicatpictureid documentSelfie',
      process: { provider: 'signicatpictureid', processType: 'documentSelfie' },
      images: { front: dataUrl(front, 'image/jpeg'), selfie: dataUrl(face, 'image/jpeg') },
    });
  }
  return cases;
}

/** Single-face photos from the corpus, one per identity, or none when the corpus is absent. */
function facesFrom(corpusDir: string): Buffer[] {
  const index = path.join(corpusDir, 'images/faces/faces.json');
  if (!existsSync(index)) return [];
  const { images } = JSON.parse(readFileSync(index, 'utf8')) as {
    images: { file: string; identity: string; facesInImage: number }[];
  };
  const seen = new Set<string>();
  const photos: Buffer[] = [];
  for (const image of images) {
    if (image.facesInImage !== 1 || seen.has(image.identity)) continue;
    seen.add(image.identity);
    photos.push(readFileSync(path.join(corpusDir, image.file)));
  }
  return photos;
}
