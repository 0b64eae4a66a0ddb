import sharp, { type Sharp } from 'sharp';
import { blackAndWhiteCheck, CHROMA_THUMBNAIL_SIDE } from './black-and-white.js';
import { blurCheck } from './blur.js';
import { brightnessCheck } from './brightness.js';
import { decodeImage, type DecodedImage, type RawImage } from './decode.js';
import { facePresentCheck } from './face-present.js';
import { glareCheck } from './glare.js';
import { resolutionCheck } from './resolution.js';
import type { Box, CheckImageOptions, GlareCheck, ImageChecks } from './types.js';

/**
 * Blur and glare are measured on a copy at most this long (never upscaled): the thresholds were calibrated at this
 * size, so a 12 MP photo and a 600 px scan are judged alike, and a share of area needs no finer detail.
 */
const ANALYSIS_SIDE = 512;

/**
 * Quality checks of a document (or selfie) image: resolution, blur, glare, brightness, black-and-white copy and, given a face
 * engine, whether a face is present. Each reports its value, its threshold and whether it passed.
 *
 * @example
 * const checks = await checkImage(photo, { faceEngine, textBox: { x: 40, y: 610, width: 900, height: 30, charactersPerLine: 44 } });
 * if (!checks.blur.passed) askForAnotherPhoto();
 */
export async function checkImage(image: Buffer, options: CheckImageOptions = {}): Promise<ImageChecks> {
  const rgb = await decodeImage(image, { maxSide: ANALYSIS_SIDE });
  const raw = { raw: { width: rgb.width, height: rgb.height, channels: 3 as const } };
  const [grey, thumbnail] = await Promise.all([
    toRaw(sharp(rgb.data, raw).grayscale().normalise(), 1),
    toRaw(
      sharp(rgb.data, raw).resize({ width: CHROMA_THUMBNAIL_SIDE, height: CHROMA_THUMBNAIL_SIDE, fit: 'inside' }),
      3,
    ),
  ]);
  const checks: ImageChecks = {
    resolution: resolutionCheck({ width: rgb.originalWidth, height: rgb.originalHeight }, options.textBox),
    blur: blurCheck(grey),
    glare: glareInOriginalPixels(rgb, options.documentBox),
    brightness: brightnessCheck(rgb),
    blackAndWhite: blackAndWhiteCheck(thumbnail),
  };
  if (options.faceEngine) checks.facePresent = await facePresentCheck(image, options.faceEngine);
  return checks;
}

/** Glare is found on the analysis copy; its regions are reported in the stored image's pixels, as every box is. */
function glareInOriginalPixels(rgb: DecodedImage, documentBox: Box | undefined): GlareCheck {
  const check = glareCheck(rgb, documentBox && scaleBox(documentBox, rgb.width / rgb.originalWidth));
  // Per axis: the copy's sides are each rounded to whole pixels, so one factor would miss the far edge by a pixel.
  const toX = (x: number) => Math.round((x * rgb.originalWidth) / rgb.width);
  const toY = (y: number) => Math.round((y * rgb.originalHeight) / rgb.height);
  const regions = check.regions.map(({ x, y, width, height }) => ({
    x: toX(x),
    y: toY(y),
    width: toX(x + width) - toX(x),
    height: toY(y + height) - toY(y),
  }));
  return { ...check, regions };
}

async function toRaw(pipeline: Sharp, channels: 1 | 3): Promise<RawImage> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== channels) throw new Error(`expected ${channels} channels, got ${info.channels}`);
  return { data, width: info.width, height: info.height, channels };
}

function scaleBox(box: Box, factor: number): Box {
  return { x: box.x * factor, y: box.y * factor, width: box.width * factor, height: box.height * factor };
}
