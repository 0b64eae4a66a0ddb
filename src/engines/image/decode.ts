import sharp, { type Metadata, type Sharp } from 'sharp';

/**
 * Refuse decoding past 50 megapixels. sharp's default (268 MP) lets a small compressed "pixel bomb" cost
 * about a gigabyte of memory; the largest phone cameras in use produce about 50 MP.
 */
const MAX_INPUT_PIXELS = 50_000_000;

/** The input is not an image we can decode (not an image, truncated, or larger than MAX_INPUT_PIXELS). */
export class InvalidImageError extends Error {
  readonly code = 'invalidImage';
  constructor(reason: string) {
    super(`invalid image: ${reason}`);
    this.name = 'InvalidImageError';
  }
}

/** 8-bit interleaved pixels, `channels` per pixel, row-major. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 3;
}

export interface DecodedImage extends RawImage {
  /** Size of the stored image after EXIF orientation, before any downscale. */
  originalWidth: number;
  originalHeight: number;
}

export interface DecodeOptions {
  /** Downscale so that neither side exceeds this (never upscales). */
  maxSide?: number;
}

/** A sharp pipeline with the safety limits every engine wants: pixel cap, strict decoding, EXIF orientation. */
export function openImage(input: Buffer): Sharp {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
}

/** Size after EXIF orientation, without decoding the pixels. */
export async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  } catch (error) {
    throw new InvalidImageError(error instanceof Error ? error.message : String(error));
  }
  if (!meta.width || !meta.height) throw new InvalidImageError('no dimensions');
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new InvalidImageError('too many pixels');
  // Orientations 5-8 swap width and height.
  const swap = (meta.orientation ?? 1) >= 5;
  return swap ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/**
 * Decodes any format sharp reads into raw 8-bit sRGB pixels, honouring EXIF orientation, flattening alpha onto white
 * (scans with a transparent background are white paper), and downscaling when asked.
 */
export async function decodeImage(input: Buffer, options: DecodeOptions = {}): Promise<DecodedImage> {
  const { width: originalWidth, height: originalHeight } = await imageSize(input);
  let pipeline = openImage(input).flatten({ background: '#ffffff' });
  if (options.maxSide && Math.max(originalWidth, originalHeight) > options.maxSide) {
    pipeline = pipeline.resize({ width: options.maxSide, height: options.maxSide, fit: 'inside' });
  }
  try {
    const { data, info } = await pipeline.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new InvalidImageError(`unexpected ${info.channels} channels`);
    return { data, width: info.width, height: info.height, channels: 3, originalWidth, originalHeight };
  } catch (error) {
    if (error instanceof InvalidImageError) throw error;
    throw new InvalidImageError(error instanceof Error ? error.message : String(error));
  }
}
