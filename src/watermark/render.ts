import sharp from 'sharp';
import { captionBandSvg } from './caption-band.js';
import { diagonalMarksSvg } from './diagonal-marks.js';
import { ensureTextRenders } from './font-check.js';
import { singleLine, type WatermarkText } from './text.js';

export type WatermarkFormat = 'jpeg' | 'png';

/** Longest phrase repeated diagonally: enough to name the requester and purpose at any size. */
const maxPhraseLength = 120;

/** The whole overlay for an image of this size: diagonal marks under the caption band. */
export function watermarkSvg(width: number, height: number, text: WatermarkText): string {
  const phrase = singleLine(`${singleLine(text.title)} · ${singleLine(text.description)} · ${text.date}`);
  const caption = captionBandSvg(width, height, text);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    diagonalMarksSvg(width, height, phrase.slice(0, maxPhraseLength)),
    caption.svg,
    '</svg>',
  ].join('');
}

/**
 * Draws the watermark on an image and encodes the result in the input's format. The image is first
 * turned upright by its EXIF orientation, so the text reads the right way up; the output carries no
 * metadata (no EXIF location or camera data leaves with the copy). `bytes` must already be checked
 * (type, size, dimensions) by the caller. Refuses to run where text cannot be drawn (no fonts).
 */
export async function renderWatermark(bytes: Buffer, format: WatermarkFormat, text: WatermarkText): Promise<Buffer> {
  await ensureTextRenders();
  // Decoded to raw pixels once, so a JPEG is compressed a single time, at our quality.
  const upright = await sharp(bytes).autoOrient().raw().toBuffer({ resolveWithObject: true });
  const { width, height, channels } = upright.info;
  const overlay = Buffer.from(watermarkSvg(width, height, text));
  const composed = await sharp(upright.data, { raw: { width, height, channels } })
    .composite([{ input: overlay, top: 0, left: 0 }])
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Compositing adds an alpha channel; an image that had none should not come back with one.
  let marked = sharp(composed.data, { raw: { width, height, channels: composed.info.channels } });
  if (channels !== 2 && channels !== 4) marked = marked.removeAlpha();
  return format === 'png' ? marked.png().toBuffer() : marked.jpeg({ quality: 90 }).toBuffer();
}
