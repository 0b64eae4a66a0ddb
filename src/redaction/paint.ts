import sharp from 'sharp';
import { pixelBox, type Box } from './boxes.js';

export type PaintableType = 'image/png' | 'image/jpeg';

/**
 * Fills `boxes` with opaque black and encodes the image again in its own type. Pixels are decoded
 * after EXIF orientation (the frame every located box is in), changed inside the boxes only, and a
 * PNG is re-encoded losslessly, so nothing outside the boxes changes; a JPEG is re-encoded at high
 * quality (any JPEG re-encoding touches every block a little).
 */
export async function paintBoxes(image: Buffer, type: PaintableType, boxes: readonly Box[]): Promise<Buffer> {
  const { data, info } = await sharp(image).rotate().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = info;
  const alpha = channels === 2 || channels === 4;
  const colours = alpha ? channels - 1 : channels;
  for (const box of boxes) {
    const pixels = pixelBox(box, { width, height });
    if (!pixels) continue;
    for (let y = pixels.y; y < pixels.y + pixels.height; y++) {
      const row = (y * width + pixels.x) * channels;
      const end = row + pixels.width * channels;
      data.fill(0, row, end);
      // Opaque: a box must look black whatever the background it is shown on.
      if (alpha) for (let at = row + colours; at < end; at += channels) data[at] = 255;
    }
  }
  const raw = sharp(data, { raw: { width, height, channels } });
  return type === 'image/png'
    ? raw.png({ compressionLevel: 6 }).toBuffer()
    : raw.jpeg({ quality: 92, chromaSubsampling: '4:4:4' }).toBuffer();
}
