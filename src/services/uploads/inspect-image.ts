import sharp from 'sharp';
import { AppError } from '../../core/errors.js';
import type { DecodedImage } from './data-url.js';
import { imageLimits } from './limits.js';

export interface ImageInfo {
  width: number;
  height: number;
}

/**
 * Checks that an uploaded image really is a whole, decodable image of allowed dimensions. The size is
 * read from the header first, so a decompression bomb is refused before a single pixel is decoded.
 */
export async function inspectImage(field: string, image: DecodedImage): Promise<ImageInfo> {
  const maxPixels = imageLimits.maxSidePixels * imageLimits.maxSidePixels;
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = await sharp(image.bytes, { limitInputPixels: false }).metadata());
  } catch {
    throw new AppError('invalid_image', `${field}: the image header cannot be read.`);
  }
  if (!width || !height) throw new AppError('invalid_image', `${field}: the image has no dimensions.`);
  if (width > imageLimits.maxSidePixels || height > imageLimits.maxSidePixels) {
    throw new AppError(
      'invalid_image',
      `${field}: the image is ${width}x${height} pixels; at most ${imageLimits.maxSidePixels} pixels on a side are allowed.`,
    );
  }
  try {
    // Decoding at a small size still reads every byte (JPEG decodes at 1/8 scale), so a truncated or
    // corrupt image is caught here rather than later during verification.
    await sharp(image.bytes, { limitInputPixels: maxPixels, failOn: 'truncated' })
      .resize(32, 32, { fit: 'inside' })
      .raw()
      .toBuffer();
  } catch {
    throw new AppError('invalid_image', `${field}: the image data is corrupt or truncated.`);
  }
  return { width, height };
}
