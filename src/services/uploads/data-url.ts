import { AppError } from '../../core/errors.js';
import { sniffImageType, type ImageType } from '../../engines/image/image-type.js';
import { imageLimits, maxBase64Length } from './limits.js';

export interface DecodedImage {
  bytes: Buffer;
  contentType: ImageType;
}

const header = /^data:image\/(jpeg|jpg|png)((?:;[A-Za-z0-9_.-]+=[^;,]*)*);base64,/i;
const base64Body = /^[A-Za-z0-9+/]*={0,2}$/;

const invalid = (field: string, why: string) => new AppError('invalid_image', `${field}: ${why}`);
const tooLarge = (field: string) =>
  new AppError('payload_too_large', `${field}: the image is larger than ${imageLimits.maxBytes / 1024 / 1024} MB.`);

/**
 * Decodes a `data:image/(jpeg|png);base64,...` URL strictly: the size is checked before decoding,
 * every character must be base64 (Node's decoder would silently skip junk), and the bytes must start
 * with the magic number of the declared type.
 */
export function decodeImageDataUrl(field: string, value: string): DecodedImage {
  const match = header.exec(value);
  if (!match) {
    throw invalid(
      field,
      'must be a data URL of a JPEG or PNG image (data:image/jpeg;base64,... or data:image/png;base64,...).',
    );
  }
  const contentType: ImageType = match[1]!.toLowerCase() === 'png' ? 'image/png' : 'image/jpeg';
  const body = value.slice(match[0].length);
  if (body.length > maxBase64Length) throw tooLarge(field);
  if (body.length === 0 || body.length % 4 !== 0 || !base64Body.test(body)) {
    throw invalid(field, 'the data URL is not valid base64.');
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > imageLimits.maxBytes) throw tooLarge(field);
  const actual = sniffImageType(bytes);
  if (actual === undefined) throw invalid(field, 'the content is not a JPEG or PNG image.');
  if (actual !== contentType) throw invalid(field, `the data URL says ${contentType} but the content is ${actual}.`);
  return { bytes, contentType };
}
