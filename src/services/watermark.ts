import { AppError } from '../core/errors.js';
import { renderWatermark } from '../watermark/render.js';
import type { WatermarkText } from '../watermark/text.js';
import { ConcurrencyLimit } from './concurrency-limit.js';
import type { ProcessImageService } from './process-images.js';
import { sniffImageType } from '../engines/image/image-type.js';
import { decodeImageDataUrl, type DecodedImage } from './uploads/data-url.js';
import { inspectImage } from './uploads/inspect-image.js';
import type { Depiction, ClientCaller } from '../core/domain.js';

/** What to watermark: an image sent along, or an image of one of the caller's processes. */
export interface WatermarkRequest {
  image?: string;
  dossierId?: string;
  processId?: string;
  imageDepiction?: Depiction;
  watermark: WatermarkText;
}

export interface WatermarkedImage {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
}

/** Upstream's smallest image: below this the caption would cover it entirely. */
const minimumWatermarkSize = { longSide: 250, shortSide: 120 } as const;

/** Watermarks copies of identity images, so a copy handed to a third party says who it was for. */
export class WatermarkService {
  /** Renders at once: each holds up to a few hundred MB of pixels for a 5000 px image. */
  private readonly renders = new ConcurrencyLimit(2);

  constructor(private readonly processImages: ProcessImageService) {}

  async apply(caller: ClientCaller, request: WatermarkRequest): Promise<WatermarkedImage> {
    const source = await this.sourceImage(caller, request);
    const { width, height } = await inspectImage('image', source);
    if (
      Math.max(width, height) < minimumWatermarkSize.longSide ||
      Math.min(width, height) < minimumWatermarkSize.shortSide
    ) {
      throw new AppError(
        'invalid_image',
        `image: the image is ${width}x${height} pixels; at least ${minimumWatermarkSize.longSide}x${minimumWatermarkSize.shortSide} is needed.`,
      );
    }
    const format = source.contentType === 'image/png' ? 'png' : 'jpeg';
    const bytes = await this.renders.run(() => renderWatermark(source.bytes, format, request.watermark));
    return { bytes, contentType: source.contentType };
  }

  /** Checks which source the request names (exactly one) before reading anything. */
  private async sourceImage(caller: ClientCaller, request: WatermarkRequest): Promise<DecodedImage> {
    const { image, dossierId, processId, imageDepiction } = request;
    const fromProcess = dossierId !== undefined || processId !== undefined || imageDepiction !== undefined;
    if (image !== undefined) {
      if (fromProcess) {
        throw new AppError(
          'validation_failed',
          'Send either image, or dossierId, processId and imageDepiction, not both.',
        );
      }
      return decodeImageDataUrl('image', image);
    }
    const missing = Object.entries({ dossierId, processId, imageDepiction })
      .filter(([, value]) => value === undefined)
      .map(([field]) => field);
    if (missing.length > 0) {
      throw new AppError(
        'validation_failed',
        fromProcess
          ? `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required to watermark an image of a process.`
          : 'Send image, or dossierId, processId and imageDepiction.',
      );
    }
    const stored = await this.processImages.get(caller, dossierId!, processId!, imageDepiction!);
    // Stored images were checked on upload; their type is read from the bytes all the same.
    const contentType = sniffImageType(stored.bytes);
    if (contentType === undefined) throw new AppError('invalid_image', 'image: the stored image is not a JPEG or PNG.');
    return { bytes: stored.bytes, contentType };
  }
}
