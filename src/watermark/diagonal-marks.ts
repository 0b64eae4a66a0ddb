import { averageCharWidthEm, watermarkFont } from './font.js';
import { escapeSvgText } from './text.js';

/** The angle of the repeated marks: steep enough that no row or column of the image escapes them. */
const angleDegrees = -30;

/**
 * SVG for the repeated diagonal text covering the whole image. Rows are spaced about two text heights
 * apart across the rotated image's full diagonal and alternate rows are shifted by half a phrase, so
 * every region (including the corners) is crossed by some text; cropping part of the image away still
 * leaves the mark. The text is white with a dark outline at low opacity: visible on light and dark
 * backgrounds, while the document underneath stays readable.
 */
export function diagonalMarksSvg(width: number, height: number, phrase: string): string {
  const fontSize = Math.max(10, Math.round(Math.min(width, height) / 16));
  const diagonal = Math.ceil(Math.hypot(width, height));
  const rowSpacing = fontSize * 2.2;
  const unit = `${phrase}   •   `;
  const unitWidth = unit.length * averageCharWidthEm * fontSize;
  const repeats = Math.ceil((2 * diagonal) / unitWidth) + 1;
  const rowText = escapeSvgText(unit.repeat(repeats));
  const rows: string[] = [];
  // Rows span [-diagonal, diagonal] around the centre so the rotated block covers every corner.
  for (let y = -diagonal, index = 0; y <= diagonal; y += rowSpacing, index++) {
    const x = -diagonal - (index % 2) * (unitWidth / 2);
    rows.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}">${rowText}</text>`);
  }
  const stroke = Math.max(1, fontSize / 14).toFixed(1);
  return [
    `<g transform="translate(${width / 2} ${height / 2}) rotate(${angleDegrees})"`,
    ` font-family="${watermarkFont}" font-size="${fontSize}" font-weight="bold"`,
    ` fill="#ffffff" fill-opacity="0.30" stroke="#000000" stroke-opacity="0.30" stroke-width="${stroke}">`,
    ...rows,
    '</g>',
  ].join('');
}
