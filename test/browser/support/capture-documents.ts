import path from 'node:path';
import sharp from 'sharp';
import { syntheticDocument } from '../../support/live-documents.js';
import { writeY4m } from './fake-camera.js';

/** The camera's picture: 1920x1080, as the app asks for. */
export const CAMERA_SIZE = { width: 1920, height: 1080 };
/** The synthetic passport (TD3, valid MRZ) the tests show the camera, unless told another seed. */
const PASSPORT_SEED = 3;

/**
 * A synthetic passport data page lying on a grey desk, filling most of a `width`x`height` picture, as a
 * person holds it in front of a camera. `blur` (a Gaussian sigma in pixels) makes it out of focus; `seed` picks
 * another passport.
 */
export async function passportScene(
  size: { width: number; height: number } = CAMERA_SIZE,
  options: { blur?: number; seed?: number } = {},
): Promise<Buffer> {
  const passport = await syntheticDocument(options.seed ?? PASSPORT_SEED, 'TD3');
  const height = Math.round(size.height * 0.82);
  // The generator draws the data page on a white sheet (the booklet's page). A camera never sees pure white on
  // paper, and burnt-out pixels are glare to the app's guide: the page is dimmed to 90%.
  const page = await sharp(passport.image).linear(0.9, 0).resize({ height }).png().toBuffer();
  const { width } = await sharp(page).metadata();
  const scene = sharp({ create: { width: size.width, height: size.height, channels: 3, background: '#4a4f57' } })
    .composite([
      { input: page, left: Math.round((size.width - width) / 2), top: Math.round((size.height - height) / 2) },
    ])
    .png();
  const flat = await scene.toBuffer();
  return options.blur ? sharp(flat).blur(options.blur).png().toBuffer() : flat;
}

/** Writes the passport scene as a fake-camera video (`<dir>/<name>.y4m`) and returns its path. */
export async function passportCamera(dir: string, name: string, options: { blur?: number } = {}): Promise<string> {
  const file = path.join(dir, `${name}.y4m`);
  await writeY4m(await passportScene(CAMERA_SIZE, options), file, CAMERA_SIZE);
  return file;
}

/**
 * A phone photo of the passport as a camera writes it: 4000x3000 when upright, but stored sideways (3000x4000
 * pixels) with EXIF orientation 6 saying "turn me 90° clockwise", with sensor noise that makes it a large file.
 * Returns the file and the upright picture it should become.
 */
export async function sidewaysPhoto(): Promise<{ photo: Buffer; upright: Buffer }> {
  const size = { width: 4000, height: 3000 };
  const upright = await passportScene(size);
  const { data, info } = await sharp(upright).raw().toBuffer({ resolveWithObject: true });
  // A fixed pseudo-random sequence: the same photo every run.
  let state = 0x2545f491;
  for (let i = 0; i < data.length; i++) {
    state = (state * 1664525 + 1013904223) >>> 0;
    const value = (data[i] ?? 0) + ((state >>> 24) % 25) - 12;
    data[i] = value < 0 ? 0 : value > 255 ? 255 : value;
  }
  const noisy = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  // Stored turned 90° anticlockwise; orientation 6 tells a viewer to turn it back clockwise.
  const sideways = await noisy.rotate(270).raw().toBuffer({ resolveWithObject: true });
  const photo = await sharp(sideways.data, {
    raw: { width: sideways.info.width, height: sideways.info.height, channels: sideways.info.channels },
  })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 95 })
    .toBuffer();
  return { photo, upright };
}
