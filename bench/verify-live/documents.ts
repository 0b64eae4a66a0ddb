import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { createFaceEngine } from '../../src/engines/face/engine.js';
import type { FaceEngine } from '../../src/engines/face/types.js';
import { generateDocument } from '../../test/support/synthetic/generate.js';

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
    const portrait = await idPhoto(face, Math.round(card.width * 0.185), Math.round(card.height * 0.35));
    const front = await sharp(card.image)
      .composite([{ input: portrait, left: Math.round(card.width * 0.705), top: Math.round(card.height * 0.15) }])
      .jpeg({ quality: 90 })
      .toBuffer();
    cases.push({
      name: 'signicatpictureid documentSelfie',
      process: { provider: 'signicatpictureid', processType: 'documentSelfie' },
      images: { front: dataUrl(front, 'image/jpeg'), selfie: dataUrl(await selfieOf(face), 'image/jpeg') },
    });
  }
  return cases;
}

/**
 * The photo cut as an ID photo is: head and shoulders around the face, the face about half the height
 * (`faceShare`; the selfie is cut the same way with more room, as a phone held at arm's length frames it).
 * Cropping by image saliency instead printed a suit without a head on one card and a whole standing
 * figure with a tiny face on another, which then failed as "no face on the document" in the results.
 * The face is found with the engine on the source photo, where it is large, before the run.
 */
async function idPhoto(photo: Buffer, width: number, height: number, faceShare = 0.5): Promise<Buffer> {
  const upright = await sharp(photo).rotate().toBuffer();
  const [face] = await (await faceEngine()).detect(upright);
  if (!face) return sharp(upright).resize(width, height, { fit: 'cover', position: 'attention' }).toBuffer();
  const meta = await sharp(upright).metadata();
  const cropHeight = Math.min(meta.height!, Math.round(face.box.height / faceShare));
  const cropWidth = Math.min(meta.width!, Math.round((cropHeight * width) / height));
  const centreX = face.box.x + face.box.width / 2;
  const centreY = face.box.y + face.box.height / 2;
  const left = Math.max(0, Math.min(meta.width! - cropWidth, Math.round(centreX - cropWidth / 2)));
  const top = Math.max(0, Math.min(meta.height! - cropHeight, Math.round(centreY - cropHeight * 0.45)));
  return sharp(upright)
    .extract({ left, top, width: cropWidth, height: cropHeight })
    .resize(width, height, { fit: 'cover' })
    .toBuffer();
}

/** A selfie-like frame of the photo: 480 x 640, the face about a third of the height. */
const selfieOf = async (photo: Buffer): Promise<Buffer> =>
  sharp(await idPhoto(photo, 480, 640, 0.35))
    .jpeg({ quality: 90 })
    .toBuffer();

let engine: Promise<FaceEngine> | undefined;
const faceEngine = () => (engine ??= createFaceEngine());

/** Releases the face engine used to cut ID photos, once the cases are made. */
export async function closeCaseTools(): Promise<void> {
  if (engine) await (await engine).close();
  engine = undefined;
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
