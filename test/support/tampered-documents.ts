import sharp from 'sharp';
import { scanScale } from './synthetic/capture.js';
import { generateDocument, type SyntheticDocument } from './synthetic/generate.js';
import { text } from './synthetic/svg-parts.js';
import type { MrzFields } from '../../src/engines/mrz/index.js';

const millimetres = (value: number) => value * scanScale;

/**
 * A clean synthetic passport (TD3) whose printed surname was painted over and replaced by `surname`,
 * while its MRZ still holds the original: a forged data page. The generator's clean capture puts the
 * page upright at 300 dpi with the same margin on every side, and prints the surname in bold 2.7 mm
 * type at 43 mm from the left, its baseline 19.3 mm from the top.
 */
export async function passportWithPrintedSurname(
  seed: number,
  surname: string,
  today = new Date(),
): Promise<SyntheticDocument> {
  const page = await generateDocument({ seed, quality: 'clean', format: 'TD3', today });
  const margin = (page.width - Math.round(millimetres(125))) / 2;
  const at = (mm: number) => Math.round(margin + millimetres(mm));
  const baseline = 16.5 + 2.7 * 1.05;
  const cover = {
    left: at(42.5),
    top: at(baseline - 2.6),
    width: at(110) - at(42.5),
    height: at(baseline + 0.9) - at(baseline - 2.6),
  };
  // The patch takes the paper's colour from beside the printed fields, where only the background is.
  const { channels } = await sharp(page.image)
    .extract({ left: at(100), top: cover.top, width: at(118) - at(100), height: cover.height })
    .stats();
  const [r, g, b] = channels.map((channel) => Math.round(channel.mean));
  const patch = `<rect x="${cover.left}" y="${cover.top}" width="${cover.width}" height="${cover.height}" fill="rgb(${r},${g},${b})"/>`;
  const printed = text(at(43), at(baseline), millimetres(2.7), surname, { bold: true });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}">${patch}${printed}</svg>`;
  const image = await sharp(page.image)
    .composite([{ input: Buffer.from(svg), left: 0, top: 0 }])
    .png()
    .toBuffer();
  return { ...page, image };
}

const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const printedDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)} ${months[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}` : '';

/**
 * The front of a synthetic TD1 card, whose back (the generator's TD1 document, with the MRZ) is
 * `back`: captioned printed fields beside a portrait area, at 300 dpi on a plain tinted card. The
 * generator draws TD1 backs only; a card's printed fields are on its front.
 */
export async function cardFront(back: SyntheticDocument, fields: MrzFields): Promise<Buffer> {
  const [width, height] = [Math.round(millimetres(85.6)), Math.round(millimetres(54))];
  const rows: Array<[string, string]> = [
    ['SURNAME / NOM', fields.surname],
    ['GIVEN NAMES / PRENOMS', fields.givenNames],
    ['DATE OF BIRTH', printedDate(fields.dateOfBirth)],
    ['SEX', fields.sex ?? 'X'],
    ['DATE OF EXPIRY', printedDate(fields.dateOfExpiry)],
  ];
  const parts = [
    `<rect x="0" y="0" width="${width}" height="${height}" rx="${millimetres(3)}" fill="#e3ecf3"/>`,
    text(millimetres(4), millimetres(7), millimetres(3), 'IDENTITY CARD', { bold: true, colour: '#234' }),
    text(width - millimetres(4), millimetres(7), millimetres(2.2), `No ${fields.documentNumber}`, { end: true }),
    `<rect x="${millimetres(4)}" y="${millimetres(11)}" width="${millimetres(22)}" height="${millimetres(28)}" fill="#c9d3dc"/>`,
  ];
  rows.forEach(([label, value], i) => {
    const y = millimetres(12 + i * 7.5);
    parts.push(text(millimetres(30), y, millimetres(1.5), label, { colour: '#445' }));
    parts.push(text(millimetres(30), y + millimetres(3), millimetres(2.4), value, { bold: i < 2 }));
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
  const margin = Math.round((back.width - width) / 2);
  return sharp(Buffer.from(svg))
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: '#ffffff' })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}
