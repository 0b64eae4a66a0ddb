import { deleteBlobsQuietly, type BlobStore } from '../../blobs/blob-store.js';
import type { BlobOwner } from '../../blobs/dossier-keyring.js';
import type { Depiction } from '../../core/domain.js';
import type { Logger } from '../../logging/logger.js';
import type { StoredImage } from '../../store/repositories/images.js';
import { AppError } from '../../core/errors.js';
import { sniffImageType } from '../../engines/image/image-type.js';
import { decodeImageDataUrl, type DecodedImage } from './data-url.js';
import { checkImageContainer, checkMinimumSize } from './image-rules.js';
import { inspectImage } from './inspect-image.js';
import { imageLimits } from './limits.js';

export interface ImageUpload {
  depiction: Depiction;
  dataUrl: string;
}

export interface PreparedImage extends DecodedImage {
  depiction: Depiction;
}

/**
 * Decodes and checks every upload before anything is written, so one bad image writes nothing. What
 * passes is kept byte for byte (see docs/uploads.md).
 */
export async function prepareImages(uploads: readonly ImageUpload[]): Promise<PreparedImage[]> {
  const prepared: PreparedImage[] = [];
  for (const upload of uploads) {
    const decoded = decodeImageDataUrl(upload.depiction, upload.dataUrl);
    checkImageContainer(upload.depiction, decoded);
    checkMinimumSize(upload.depiction, await inspectImage(upload.depiction, decoded));
    prepared.push({ depiction: upload.depiction, ...decoded });
  }
  return prepared;
}

/**
 * The same checks for an image sent as bytes (the capture app uploads the file itself, not a data URL):
 * its size, that it is the JPEG or PNG it says it is, its container and its minimum size.
 */
export async function prepareImageBytes(depiction: Depiction, bytes: Buffer): Promise<PreparedImage> {
  if (bytes.length > imageLimits.maxBytes) {
    throw new AppError(
      'payload_too_large',
      `${depiction}: the image is larger than ${imageLimits.maxBytes / 1024 / 1024} MB.`,
    );
  }
  const contentType = sniffImageType(bytes);
  if (contentType === undefined)
    throw new AppError('invalid_image', `${depiction}: the content is not a JPEG or PNG image.`);
  const decoded = { bytes, contentType };
  checkImageContainer(depiction, decoded);
  checkMinimumSize(depiction, await inspectImage(depiction, decoded));
  return { depiction, ...decoded };
}

/**
 * Writes the images' blobs, then runs `commit` (the database transaction that references them). If
 * anything fails the new blobs are deleted again, so a failed request leaves no orphan behind. After a
 * successful commit, the blobs `commit` reports as replaced are deleted.
 */
export async function storeImages(
  blobs: BlobStore,
  logger: Logger,
  owner: BlobOwner,
  images: readonly PreparedImage[],
  now: number,
  commit: (stored: StoredImage[]) => Promise<string[]>,
): Promise<void> {
  const stored: StoredImage[] = [];
  let replaced: string[];
  try {
    for (const image of images) {
      const blobKey = await blobs.put(image.bytes, owner);
      stored.push({
        depiction: image.depiction,
        blobKey,
        contentType: image.contentType,
        size: image.bytes.length,
        createdAt: now,
      });
    }
    replaced = await commit(stored);
  } catch (error) {
    await deleteBlobsQuietly(
      blobs,
      stored.map((image) => image.blobKey),
      (blobKey, cleanupError) =>
        logger.error({ err: cleanupError, blobKey }, 'could not clean up the blob of a failed upload'),
    );
    throw error;
  }
  await deleteBlobsQuietly(blobs, replaced, (blobKey, error) =>
    logger.error({ err: error, blobKey }, 'could not delete a replaced image blob'),
  );
}
