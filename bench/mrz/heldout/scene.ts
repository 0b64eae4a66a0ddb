import type { Draw } from './random.js';

/** What the card is photographed on. */
export type Surface = 'white' | 'grey' | 'dark' | 'patterned' | 'cluttered';

const words = [
  'INVOICE',
  'TOTAL',
  'RECEIPT',
  'MEETING 10:30',
  'PASSWORD',
  'NOTES',
  '&lt;&lt;&lt;&lt;',
  'KEYS',
  'TICKET 0815',
];

/** An SVG of the surface under the card: a desk, a dark cloth, a patterned table cloth, clutter. */
export function surfaceSvg(random: Draw, surface: Surface, width: number, height: number): string {
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`];
  const tone = (l: [number, number]): string =>
    `hsl(${random.int(0, 359)},${random.int(0, 45)}%,${random.int(l[0], l[1])}%)`;
  switch (surface) {
    case 'white':
      parts.push(`<rect width="100%" height="100%" fill="#fdfdfd"/>`);
      break;
    case 'grey':
      parts.push(`<rect width="100%" height="100%" fill="${tone([80, 94])}"/>`);
      break;
    case 'dark':
      parts.push(`<rect width="100%" height="100%" fill="${tone([3, 18])}"/>`);
      break;
    case 'patterned': {
      parts.push(`<rect width="100%" height="100%" fill="${tone([10, 60])}"/>`);
      const step = random.range(0.02, 0.08) * width;
      const colour = tone([20, 85]);
      const angle = random.int(0, 179);
      const stripes: string[] = [];
      for (let x = -width; x < 2 * width; x += step * 2)
        stripes.push(`<rect x="${x}" y="${-height}" width="${step}" height="${3 * height}"/>`);
      parts.push(`<g fill="${colour}" transform="rotate(${angle} ${width / 2} ${height / 2})">${stripes.join('')}</g>`);
      if (random.chance(0.5))
        parts.push(
          `<g fill="${tone([10, 90])}" opacity="0.5" transform="rotate(${angle + 90} ${width / 2} ${height / 2})">${stripes.join('')}</g>`,
        );
      break;
    }
    case 'cluttered': {
      parts.push(`<rect width="100%" height="100%" fill="${tone([15, 70])}"/>`);
      for (let i = random.int(6, 14); i > 0; i--) {
        const x = random.range(-0.1, 1) * width;
        const y = random.range(-0.1, 1) * height;
        const w = random.range(0.1, 0.4) * width;
        const h = random.range(0.05, 0.3) * height;
        if (random.chance(0.5)) {
          parts.push(
            `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${tone([5, 95])}" transform="rotate(${random.int(-30, 30)} ${x} ${y})"/>`,
          );
        } else {
          parts.push(`<ellipse cx="${x}" cy="${y}" rx="${w / 2}" ry="${h / 2}" fill="${tone([5, 95])}"/>`);
        }
        // Paper with print on it: text-like lines next to the card.
        if (random.chance(0.5)) {
          parts.push(
            `<text x="${x}" y="${y + h / 2}" font-family="DejaVu Sans Mono" font-size="${random.range(0.015, 0.04) * width}" fill="${tone([0, 25])}">${random.pick(words)}</text>`,
          );
        }
      }
      break;
    }
  }
  parts.push('</svg>');
  return parts.join('');
}
