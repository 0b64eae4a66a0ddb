import type { Holder } from './holder.js';
import type { SyntheticFormat } from './mrz-text.js';
import type { Random } from './random.js';
import { guilloche, hsl, mrzLine, portrait, signature, text } from './svg-parts.js';

/** A rectangle in pixels of the flat document. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DocumentSvg {
  svg: string;
  width: number;
  height: number;
  /** Where the MRZ characters are (cap top of the first line to the baseline of the last). */
  mrz: Rect;
}

/** ICAO 9303 sizes in millimetres; the TD1 side drawn is the back, which carries the MRZ. */
const sizes: Record<SyntheticFormat, { width: number; height: number }> = {
  TD1: { width: 85.6, height: 54 },
  TD2: { width: 105, height: 74 },
  TD3: { width: 125, height: 88 },
};
const titles: Record<SyntheticFormat, string[]> = {
  TD1: ['IDENTITY CARD', 'RESIDENCE PERMIT', 'CARTE D IDENTITE'],
  TD2: ['IDENTITY CARD', 'TRAVEL DOCUMENT', 'CARTE DE SEJOUR'],
  TD3: ['PASSPORT', 'PASSEPORT', 'REISEPASS'],
};
const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
/** Millimetres of the MRZ grid: 10 characters per inch, 6 lines per inch. */
const pitchMm = 2.54;
const lineMm = 4.23;

function vizDate(yymmdd: string, future: boolean): string {
  const yy = Number(yymmdd.slice(0, 2));
  // Holders are born 18 to 85 years ago and documents expire within ten years.
  const century = future || yy <= 30 ? 2000 : 1900;
  return `${yymmdd.slice(4, 6)} ${months[Number(yymmdd.slice(2, 4)) - 1] ?? 'JAN'} ${century + yy}`;
}

const readable = (mrzText: string): string => mrzText.replace(/<+/g, ' ').trim();

/** The flat document as SVG at `scale` pixels per millimetre, with its MRZ in OCR-B. */
export function documentSvg(
  random: Random,
  format: SyntheticFormat,
  holder: Holder,
  lines: string[],
  scale: number,
): DocumentSvg {
  const mm = (value: number): number => value * scale;
  const size = sizes[format];
  const width = Math.round(mm(size.width));
  const height = Math.round(mm(size.height));
  const hue = random.range(0, 360);
  const parts: string[] = [
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(hue, random.range(20, 50), random.range(86, 94))}"/><stop offset="1" stop-color="${hsl(hue + random.range(-60, 60), random.range(20, 50), random.range(82, 93))}"/></linearGradient></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" rx="${mm(3)}" fill="url(#bg)"/>`,
    guilloche(random, width, height, hue),
  ];

  const tiny = mm(1.5);
  const value = mm(format === 'TD1' ? 2.3 : 2.7);
  if (format === 'TD1') {
    // The back of a card: address and authority lines, a small ghost portrait, a barcode-like strip.
    const rows = [
      ['ADDRESS', `${random.int(1, 99)} ${readable(holder.givenNames[0] ?? 'MAIN')} STREET`],
      ['', `${random.int(1000, 99999)} ${readable(holder.surname).slice(0, 12)}VILLE`],
      ['HEIGHT / TAILLE', `${random.int(150, 199)} CM`],
      ['AUTHORITY', `PREFECTURE ${random.int(1, 95)}`],
    ];
    rows.forEach(([label, content], i) => {
      const y = mm(6 + i * 6.8);
      if (label) parts.push(text(mm(4), y, tiny, label, { colour: '#445' }));
      parts.push(text(mm(4), y + mm(3), value, content ?? ''));
    });
    parts.push(portrait(random, mm(63), mm(4), mm(18), mm(23)));
    for (let x = mm(40); x < mm(60); x += mm(random.range(0.4, 1.1))) {
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${mm(28)}" width="${mm(random.range(0.2, 0.5)).toFixed(1)}" height="${mm(6)}" fill="#333"/>`,
      );
    }
  } else {
    const big = format === 'TD3';
    const photo = big ? { x: 5, y: 15, w: 32, h: 41 } : { x: 4, y: 12, w: 25, h: 32 };
    parts.push(
      text(mm(photo.x), mm(8), mm(3.4), random.pick(titles[format]), { bold: true, colour: hsl(hue, 60, 25) }),
    );
    const kind = lines[0]?.slice(0, 2).replace(/</g, '');
    const header = `TYPE ${kind}   CODE ${holder.issuer.replace(/</g, '')}   No ${holder.documentNumber}`;
    parts.push(text(width - mm(5), mm(8), mm(big ? 2.4 : 1.9), header, { end: true }));
    parts.push(portrait(random, mm(photo.x), mm(photo.y), mm(photo.w), mm(photo.h)));
    parts.push(signature(random, mm(photo.x), mm(photo.y + photo.h + 1.5), mm(photo.w), mm(big ? 6 : 4)));
    const fields: Array<[string, string]> = [
      ['SURNAME / NOM', readable(holder.surname)],
      ['GIVEN NAMES / PRENOMS', holder.givenNames.join(' ')],
      ['NATIONALITY', readable(holder.nationality)],
      ['DATE OF BIRTH', vizDate(holder.birthDate, false)],
      ['SEX', holder.sex === '<' ? 'X' : holder.sex],
      ['DATE OF EXPIRY', vizDate(holder.expiryDate, true)],
      ['AUTHORITY', `MINISTRY ${random.int(1, 9)}`],
    ];
    const rowStep = big ? 6.3 : 4.9;
    fields.forEach(([label, content], i) => {
      const y = mm(photo.y + 1.5 + i * rowStep);
      parts.push(text(mm(photo.x + photo.w + 6), y, tiny, label, { colour: '#445' }));
      parts.push(text(mm(photo.x + photo.w + 6), y + value * 1.05, value, content, { bold: i < 2 }));
    });
  }

  // The MRZ: fixed pitch, bottom of the document, slightly different from one issuer to the next.
  const pitch = mm(pitchMm * random.range(0.98, 1.02));
  const lineStep = mm(lineMm * random.range(0.95, 1.05));
  const fontSize = pitch * random.range(1.22, 1.38);
  const capHeight = fontSize * 0.72;
  const columns = lines[0]?.length ?? 0;
  const left = (width - columns * pitch) / 2 + mm(random.range(-0.8, 0.8));
  const lastBaseline = height - mm(random.range(3.6, 5.5));
  const firstBaseline = lastBaseline - (lines.length - 1) * lineStep;
  const ink = hsl(random.range(0, 360), random.range(0, 20), random.range(4, 16));
  lines.forEach((line, i) => parts.push(mrzLine(left, firstBaseline + i * lineStep, pitch, fontSize, line, ink)));

  return {
    svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`,
    width,
    height,
    mrz: {
      x: left,
      y: firstBaseline - capHeight,
      width: columns * pitch,
      height: lastBaseline - firstBaseline + capHeight,
    },
  };
}
