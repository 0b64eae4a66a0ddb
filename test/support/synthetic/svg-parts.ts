import type { Random } from './random.js';

/** Pieces of a document's look, in SVG, positioned in pixels. */

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const hsl = (hue: number, saturation: number, lightness: number): string =>
  `hsl(${hue.toFixed(0)},${saturation.toFixed(0)}%,${lightness.toFixed(0)}%)`;

/**
 * Fine wavy security lines: the kind of busy background a locator must not mistake for text lines,
 * and that lies under the MRZ on some documents.
 */
export function guilloche(random: Random, width: number, height: number, hue: number): string {
  const paths: string[] = [];
  const count = random.int(8, 16);
  for (let k = 0; k < count; k++) {
    const amplitude = random.range(0.02, 0.12) * height;
    const wavelength = random.range(0.08, 0.3) * width;
    const phase = random.range(0, Math.PI * 2);
    const baseline = random.range(0, height);
    const points: string[] = [];
    for (let x = 0; x <= width; x += width / 120) {
      const y = baseline + amplitude * Math.sin((2 * Math.PI * x) / wavelength + phase);
      points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    }
    const colour = hsl(hue + random.range(-40, 40), random.range(30, 60), random.range(55, 80));
    paths.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${random.range(0.6, 1.6).toFixed(1)}" opacity="0.7"/>`,
    );
  }
  return paths.join('');
}

/** A stylised portrait: a face block where the photo goes, with a head-and-shoulders silhouette. */
export function portrait(random: Random, x: number, y: number, width: number, height: number): string {
  const backdrop = hsl(random.range(180, 230), random.range(5, 25), random.range(78, 90));
  const skin = hsl(random.range(15, 35), random.range(30, 60), random.range(35, 75));
  const hair = hsl(random.range(10, 40), random.range(10, 50), random.range(8, 45));
  const cloth = hsl(random.range(0, 360), random.range(10, 50), random.range(15, 45));
  const cx = x + width / 2;
  const headW = width * random.range(0.26, 0.32);
  const headH = height * random.range(0.24, 0.29);
  const headY = y + height * 0.42;
  return [
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${backdrop}"/>`,
    `<path d="M ${x} ${y + height} C ${x} ${y + height * 0.72}, ${cx - width * 0.25} ${y + height * 0.7}, ${cx} ${y + height * 0.7} C ${cx + width * 0.25} ${y + height * 0.7}, ${x + width} ${y + height * 0.72}, ${x + width} ${y + height} Z" fill="${cloth}"/>`,
    `<rect x="${cx - headW * 0.35}" y="${headY + headH * 0.7}" width="${headW * 0.7}" height="${height * 0.16}" fill="${skin}"/>`,
    `<ellipse cx="${cx}" cy="${headY - headH * 0.25}" rx="${headW * 1.08}" ry="${headH * 0.85}" fill="${hair}"/>`,
    `<ellipse cx="${cx}" cy="${headY}" rx="${headW}" ry="${headH}" fill="${skin}"/>`,
    `<ellipse cx="${cx - headW * 0.38}" cy="${headY - headH * 0.1}" rx="${headW * 0.12}" ry="${headH * 0.06}" fill="#222"/>`,
    `<ellipse cx="${cx + headW * 0.38}" cy="${headY - headH * 0.1}" rx="${headW * 0.12}" ry="${headH * 0.06}" fill="#222"/>`,
    `<path d="M ${cx - headW * 0.3} ${headY + headH * 0.45} Q ${cx} ${headY + headH * 0.6} ${cx + headW * 0.3} ${headY + headH * 0.45}" stroke="#633" stroke-width="${(width * 0.02).toFixed(1)}" fill="none"/>`,
  ].join('');
}

/** A handwritten-looking scribble. */
export function signature(random: Random, x: number, y: number, width: number, height: number): string {
  let d = `M ${x} ${y + height / 2}`;
  const strokes = random.int(5, 9);
  for (let i = 1; i <= strokes; i++) {
    const px = x + (width * i) / strokes;
    d += ` Q ${(px - width / strokes / 2).toFixed(1)} ${(y + random.range(0, height)).toFixed(1)} ${px.toFixed(1)} ${(y + random.range(0.2, 0.8) * height).toFixed(1)}`;
  }
  return `<path d="${d}" stroke="#1b2a5a" stroke-width="${Math.max(1, height / 14).toFixed(1)}" fill="none"/>`;
}

/** One line of ordinary printed text (labels and values of the visual inspection zone). */
export function text(
  x: number,
  y: number,
  size: number,
  content: string,
  options: { bold?: boolean; colour?: string; end?: boolean } = {},
): string {
  const weight = (options.bold ? ' font-weight="bold"' : '') + (options.end ? ' text-anchor="end"' : '');
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="DejaVu Sans" font-size="${size.toFixed(1)}"${weight} fill="${options.colour ?? '#222'}">${escapeXml(content)}</text>`;
}

/**
 * One MRZ line in OCR-B, each character placed on the 2.54 mm (10 per inch) grid of ICAO 9303, so
 * that the pitch is exact whatever the font's advance width.
 */
export function mrzLine(
  x: number,
  baseline: number,
  pitch: number,
  size: number,
  line: string,
  colour: string,
): string {
  const xs = [...line].map((_, i) => (x + i * pitch).toFixed(1)).join(' ');
  return `<text x="${xs}" y="${baseline.toFixed(1)}" font-family="OCR B" font-size="${size.toFixed(1)}" fill="${colour}">${escapeXml(line)}</text>`;
}
