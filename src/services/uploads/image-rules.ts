import { AppError } from '../../core/errors.js';
import type { DecodedImage } from './data-url.js';
import { readImageStructure } from './image-structure.js';
import type { ImageInfo } from './inspect-image.js';
import { imageLimits, minimumShortSide } from './limits.js';

const kb = (bytes: number) => `${Math.ceil(bytes / 1024)} KB`;

/**
 * What an image may carry besides its pixels. Nothing after its end: uploads are stored and served
 * back byte for byte, so a trailer (a ZIP or HTML file riding behind a JPEG, a polyglot) would be
 * served too. And a bounded amount of metadata.
 */
export function checkImageContainer(field: string, image: DecodedImage): void {
  const structure = readImageStructure(image.bytes, image.contentType);
  if (!structure.ok) {
    throw new AppError('invalid_image', `${field}: the image data is corrupt or truncated (${structure.problem}).`);
  }
  if (structure.trailingBytes > 0) {
    throw new AppError(
      'invalid_image',
      `${field}: the file has ${structure.trailingBytes} bytes of data after the end of the image; send the image alone.`,
    );
  }
  if (structure.metadataBytes > imageLimits.maxMetadataBytes) {
    throw new AppError(
      'invalid_image',
      `${field}: the image carries ${kb(structure.metadataBytes)} of metadata (EXIF, comments, text); at most ${kb(imageLimits.maxMetadataBytes)} is allowed.`,
    );
  }
}

/** Refuses an image too small to show a document (front, back) or a face (selfie, portrait). */
export function checkMinimumSize(depiction: string, { width, height }: ImageInfo): void {
  const minimum = minimumShortSide[depiction];
  if (minimum === undefined || Math.min(width, height) >= minimum) return;
  const what = depiction === 'front' || depiction === 'back' ? 'a document image' : 'an image of a face';
  throw new AppError(
    'invalid_image',
    `${depiction}: the image is ${width}x${height} pixels; ${what} needs at least ${minimum} pixels on its shorter side.`,
  );
}
