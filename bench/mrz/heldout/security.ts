import type { Draw } from './random.js';

/** Printing inks of security backgrounds: saturated, mid-light colours (hue, saturation, lightness). */
const ink = (random: Draw, lightness: [number, number]): string =>
  `hsl(${random.int(0, 359)},${random.int(45, 90)}%,${random.int(lightness[0], lightness[1])}%)`;

/**
 * A rosette of hypotrochoid curves (the guilloche of banknotes and ID cards) centred anywhere on the
 * page, large enough to run behind the MRZ.
 */
function rosette(random: Draw, width: number, height: number, px: number): string {
  const cx = random.range(0, width);
  const cy = random.range(0, height);
  const big = random.range(0.25, 0.7) * width;
  const small = big * random.range(0.2, 0.45);
  const arm = small * random.range(0.6, 1.4);
  const colour = ink(random, [40, 70]);
  const copies = random.int(3, 7);
  const paths: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    const turn = (copy / copies) * 0.5;
    const points: string[] = [];
    for (let step = 0; step <= 700; step++) {
      const t = (step / 700) * 2 * Math.PI * 7 + turn;
      const k = (big - small) / small;
      const x = cx + (big - small) * Math.cos(t) + arm * Math.cos(k * t);
      const y = cy + (big - small) * Math.sin(t) - arm * Math.sin(k * t);
      points.push(`${x.toFixed(1)},${y.toFixed(1)}`);
    }
    paths.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="${(px * random.range(0.08, 0.18)).toFixed(2)}" opacity="${random.range(0.5, 0.95).toFixed(2)}"/>`,
    );
  }
  return paths.join('');
}

/** Fine wavy lines across the whole page, through the MRZ. */
function waves(random: Draw, width: number, height: number, px: number): string {
  const colour = ink(random, [45, 75]);
  const gap = px * random.range(0.6, 1.4);
  const amplitude = px * random.range(0.3, 1.5);
  const period = px * random.range(4, 12);
  const lines: string[] = [];
  for (let y = random.range(0, gap); y < height; y += gap) {
    const d = [`M0 ${y.toFixed(1)}`];
    for (let x = 0; x <= width; x += period / 8) {
      d.push(`L${x.toFixed(1)} ${(y + amplitude * Math.sin((2 * Math.PI * x) / period + y / period)).toFixed(1)}`);
    }
    lines.push(d.join(''));
  }
  return `<path d="${lines.join('')}" fill="none" stroke="${colour}" stroke-width="${(px * random.range(0.06, 0.14)).toFixed(2)}"/>`;
}

/** Rows of tiny repeated text in a coloured ink (microprint), some over the MRZ band. */
function microtext(random: Draw, width: number, height: number, px: number, top: number): string {
  const colour = ink(random, [35, 60]);
  const size = px * random.range(0.7, 1.1);
  const word = random.pick(['SECURITYDOCUMENT', 'REPUBLICA', 'ORIGINAL', 'KONINKRIJK', 'IDENTITE']);
  const rows: string[] = [];
  const count = random.int(3, 8);
  for (let i = 0; i < count; i++) {
    const y = random.chance(0.6) ? random.range(top, height) : random.range(0, height);
    rows.push(
      `<text x="0" y="${y.toFixed(1)}" font-family="DejaVu Sans" font-size="${size.toFixed(1)}" fill="${colour}">${word.repeat(Math.ceil(width / (size * word.length * 0.6)) + 1)}</text>`,
    );
  }
  return rows.join('');
}

/**
 * The printed background: a rainbow (split-fountain) gradient, guilloche rosettes, wavy lines and
 * microtext. `px` is pixels per millimetre; `mrzTop` where the MRZ starts (microtext favours it).
 */
export function securityBackground(random: Draw, width: number, height: number, px: number, mrzTop: number): string {
  const count = random.int(2, 4);
  const stops = Array.from({ length: count }, (_, i) => {
    const colour = `hsl(${random.int(0, 359)},${random.int(30, 70)}%,${random.int(78, 92)}%)`;
    return `<stop offset="${(i / (count - 1)).toFixed(2)}" stop-color="${colour}"/>`;
  }).join('');
  const vertical = random.chance(0.4);
  const parts = [
    `<defs><linearGradient id="rainbow" x1="0" y1="0" x2="${vertical ? 0 : 1}" y2="${vertical ? 1 : 0}">${stops}</linearGradient></defs>`,
    `<rect width="${width}" height="${height}" fill="url(#rainbow)"/>`,
  ];
  for (let i = random.int(1, 3); i > 0; i--) parts.push(rosette(random, width, height, px));
  if (random.chance(0.8)) parts.push(waves(random, width, height, px));
  if (random.chance(0.8)) parts.push(microtext(random, width, height, px, mrzTop));
  return parts.join('');
}
