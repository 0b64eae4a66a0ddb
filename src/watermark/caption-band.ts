import { averageCharWidthEm, watermarkFont } from './font.js';
import { escapeSvgText, singleLine, type WatermarkText } from './text.js';
import { wrapText } from './wrap.js';

/** The caption's band and its height, to lay out above everything else at the bottom of the image. */
export interface CaptionBand {
  svg: string;
  height: number;
}

/**
 * A band along the bottom edge stating who asked for the image, why and when, in plain text on a
 * dark, mostly opaque background, so it stays legible whatever the image shows. The title is bold;
 * the description wraps onto at most three lines.
 */
export function captionBandSvg(width: number, height: number, text: WatermarkText): CaptionBand {
  const fontSize = Math.max(11, Math.min(48, Math.round(Math.min(width, height) / 22)));
  const lineHeight = Math.round(fontSize * 1.3);
  const padding = Math.round(fontSize * 0.6);
  const maxChars = (width - 2 * padding) / (averageCharWidthEm * fontSize);
  const lines = [
    { text: wrapText(singleLine(text.title), maxChars, 1)[0] ?? '', bold: true },
    ...wrapText(singleLine(text.description), maxChars, 3).map((line) => ({ text: line, bold: false })),
    { text: text.date, bold: false },
  ];
  const bandHeight = lines.length * lineHeight + 2 * padding;
  const top = height - bandHeight;
  const textLines = lines.map((line, index) => {
    const baseline = top + padding + index * lineHeight + fontSize;
    const weight = line.bold ? ' font-weight="bold"' : '';
    return `<text x="${padding}" y="${baseline}"${weight}>${escapeSvgText(line.text)}</text>`;
  });
  return {
    height: bandHeight,
    svg: [
      `<rect x="0" y="${top}" width="${width}" height="${bandHeight}" fill="#000000" fill-opacity="0.72"/>`,
      `<g font-family="${watermarkFont}" font-size="${fontSize}" fill="#ffffff">`,
      ...textLines,
      '</g>',
    ].join(''),
  };
}
