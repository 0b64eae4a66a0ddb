import type { HeldoutFamily } from './mrz.js';
import type { Draw } from './random.js';
import { securityBackground } from './security.js';

/** Where the MRZ characters lie on the flat card, in its pixels. */
export interface Band {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Card {
  svg: string;
  width: number;
  height: number;
  band: Band;
}

/** ICAO sizes in millimetres: the ID-1 card and the passport data page. */
const sizes: Record<HeldoutFamily, [number, number]> = { td1: [85.6, 54], td3: [125, 88] };

const escape = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** A portrait placeholder: head and shoulders on a pale ground, dark enough to be mistaken for print. */
function portrait(random: Draw, x: number, y: number, w: number, h: number): string {
  const skin = `hsl(${random.int(15, 35)},${random.int(25, 55)}%,${random.int(30, 75)}%)`;
  const cloth = `hsl(${random.int(0, 359)},${random.int(0, 40)}%,${random.int(8, 40)}%)`;
  const hair = `hsl(${random.int(20, 40)},${random.int(10, 50)}%,${random.int(5, 45)}%)`;
  const clip = `photo${random.int(0, 1e6)}`;
  return [
    `<defs><clipPath id="${clip}"><rect x="${x}" y="${y}" width="${w}" height="${h}"/></clipPath></defs><g clip-path="url(#${clip})">`,
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="hsl(${random.int(180, 240)},15%,${random.int(70, 88)}%)"/>`,
    `<ellipse cx="${x + w / 2}" cy="${y + h * 1.02}" rx="${w * 0.48}" ry="${h * 0.32}" fill="${cloth}"/>`,
    `<ellipse cx="${x + w / 2}" cy="${y + h * 0.42}" rx="${w * 0.26}" ry="${h * 0.25}" fill="${skin}"/>`,
    `<ellipse cx="${x + w / 2}" cy="${y + h * 0.26}" rx="${w * 0.28}" ry="${h * 0.12}" fill="${hair}"/>`,
    '</g>',
  ].join('');
}

/** An iridescent hologram patch, partly transparent, laid over printed text. */
function hologram(random: Draw, x: number, y: number, r: number): string {
  const id = `holo${random.int(0, 1e6)}`;
  const a = random.int(0, 359);
  return [
    `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1">`,
    `<stop offset="0" stop-color="hsl(${a},80%,70%)"/><stop offset="0.5" stop-color="hsl(${(a + 120) % 360},80%,80%)"/>`,
    `<stop offset="1" stop-color="hsl(${(a + 240) % 360},80%,65%)"/></linearGradient></defs>`,
    `<circle cx="${x}" cy="${y}" r="${r}" fill="url(#${id})" opacity="${random.range(0.25, 0.5).toFixed(2)}"/>`,
    `<circle cx="${x}" cy="${y}" r="${r * 0.6}" fill="none" stroke="white" stroke-width="${r * 0.05}" opacity="0.5"/>`,
  ].join('');
}

/** The laminate's glare: a soft white highlight somewhere on the card. */
function glare(random: Draw, width: number, height: number): string {
  const id = `glare${random.int(0, 1e6)}`;
  return [
    `<defs><radialGradient id="${id}"><stop offset="0" stop-color="white" stop-opacity="${random.range(0.5, 0.9).toFixed(2)}"/>`,
    `<stop offset="1" stop-color="white" stop-opacity="0"/></radialGradient></defs>`,
    `<ellipse cx="${random.range(0, width)}" cy="${random.range(0, height)}" rx="${random.range(0.1, 0.35) * width}" ry="${random.range(0.05, 0.2) * height}" fill="url(#${id})"/>`,
  ].join('');
}

/**
 * The card (TD1 back, MRZ at the bottom close to the edge) or passport data page, `px` pixels per
 * millimetre, with a security background running under the MRZ and a portrait close above it.
 * `glares` adds the laminate highlight (a photo's, not a scanner's).
 */
export function drawCard(random: Draw, family: HeldoutFamily, lines: string[], px: number, glares: boolean): Card {
  const [wMm, hMm] = sizes[family];
  const width = Math.round(wMm * px);
  const height = Math.round(hMm * px);
  const pitch = 2.54 * px;
  const lineGap = random.range(3.7, 4.3) * px;
  const fontSize = random.range(3.3, 3.7) * px;
  const capHeight = fontSize * 0.7;
  // TD1 cards put the MRZ 1-2.5 mm from the bottom and left edges; passports a little further in.
  const left = (family === 'td1' ? random.range(1.2, 3.5) : random.range(3, 6)) * px;
  const bottom = (family === 'td1' ? random.range(1, 2.5) : random.range(2.5, 5)) * px;
  const lastBaseline = height - bottom;
  const firstBaseline = lastBaseline - (lines.length - 1) * lineGap;
  const band = {
    x: left,
    y: firstBaseline - capHeight,
    width: lines[0]!.length * pitch,
    height: lastBaseline - firstBaseline + capHeight,
  };
  const mm = (v: number): number => v * px;
  const parts: string[] = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`];
  parts.push(securityBackground(random, width, height, px, band.y - mm(3)));
  // The portrait ends 0.5-2.5 mm above the first MRZ line.
  const photoW = mm(family === 'td1' ? random.range(20, 26) : random.range(32, 38));
  const photoH = photoW * 1.28;
  const photoX = mm(random.range(3, 6));
  const photoY = Math.max(mm(2), band.y - mm(random.range(0.5, 2.5)) - photoH);
  parts.push(portrait(random, photoX, photoY, photoW, Math.min(photoH, band.y - mm(0.5) - photoY)));
  const textX = photoX + photoW + mm(random.range(3, 6));
  const labels = ['Surname', 'Given names', 'Nationality', 'Date of birth', 'Date of expiry', 'Document no'];
  const viz = random.range(0.12, 0.22) * hMm;
  labels.forEach((label, i) => {
    const y = mm(6) + i * mm(viz * 0.55);
    if (y + mm(4) > band.y) return;
    parts.push(
      `<text x="${textX}" y="${y}" font-family="DejaVu Sans" font-size="${mm(1.6)}" fill="#335">${label}</text>`,
    );
    parts.push(
      `<text x="${textX}" y="${y + mm(2.6)}" font-family="DejaVu Sans" font-weight="bold" font-size="${mm(2.4)}" fill="#111">${escape(lines[lines.length - 1]!.slice(0, 12).replaceAll('<', ' '))}</text>`,
    );
  });
  // Holograms over the text, one sometimes reaching the MRZ.
  parts.push(hologram(random, textX + mm(random.range(5, 30)), mm(random.range(8, 25)), mm(random.range(5, 9))));
  if (random.chance(0.4))
    parts.push(
      hologram(
        random,
        random.range(band.x, band.x + band.width),
        band.y + random.range(0, band.height),
        mm(random.range(3, 6)),
      ),
    );
  const ink = `hsl(${random.int(200, 260)},${random.int(0, 25)}%,${random.int(5, 18)}%)`;
  lines.forEach((line, i) => {
    const xs = [...line].map((_, j) => (left + j * pitch).toFixed(1)).join(' ');
    parts.push(
      `<text x="${xs}" y="${(firstBaseline + i * lineGap).toFixed(1)}" font-family="OCR B" font-size="${fontSize.toFixed(1)}" fill="${ink}">${escape(line)}</text>`,
    );
  });
  if (glares) parts.push(glare(random, width, height));
  parts.push('</svg>');
  return { svg: parts.join(''), width, height, band };
}
