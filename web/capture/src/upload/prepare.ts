import { encodeForUpload, fitWithin } from './fit';

function canvasToJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded.'))),
      'image/jpeg',
      quality,
    ),
  );
}

/** A still copy of a camera frame, taken at once: the stream may stop before the photo is encoded. */
function copyFrame(source: CanvasImageSource, width: number, height: number): HTMLCanvasElement {
  const frame = document.createElement('canvas');
  frame.width = width;
  frame.height = height;
  const context = frame.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the photo.');
  context.drawImage(source, 0, 0, width, height);
  return frame;
}

/**
 * Turns a picture (a chosen file or a camera frame) into the JPEG that is uploaded: upright (EXIF orientation
 * applied by the decoder), at most 2560 px on the long side, re-encoded on a canvas so no EXIF or GPS data
 * leaves the device, and at most about 1.5 MB (never over the server's 4 MB).
 */
export async function prepareUpload(
  source: Blob | CanvasImageSource,
  sourceSize?: { width: number; height: number },
): Promise<Blob> {
  let bitmap: ImageBitmap | null = null;
  let frame: HTMLCanvasElement | null = null;
  let image: CanvasImageSource;
  let width: number;
  let height: number;
  if (source instanceof Blob) {
    bitmap = await createImageBitmap(source, { imageOrientation: 'from-image' });
    image = bitmap;
    width = bitmap.width;
    height = bitmap.height;
  } else {
    if (!sourceSize) throw new Error('The size of the camera frame is needed.');
    ({ width, height } = sourceSize);
    frame = copyFrame(source, width, height);
    image = frame;
  }
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the photo.');
    let drawnAt = 0;
    const blob = await encodeForUpload((longSide, quality) => {
      if (drawnAt !== longSide) {
        const size = fitWithin(width, height, longSide);
        canvas.width = size.width;
        canvas.height = size.height;
        context.imageSmoothingQuality = 'high';
        context.drawImage(image, 0, 0, size.width, size.height);
        drawnAt = longSide;
      }
      return canvasToJpeg(canvas, quality);
    });
    canvas.width = 0;
    canvas.height = 0;
    return blob;
  } finally {
    bitmap?.close();
    if (frame) {
      frame.width = 0;
      frame.height = 0;
    }
  }
}
