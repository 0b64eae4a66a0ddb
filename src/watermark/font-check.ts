import sharp from 'sharp';
import { watermarkFont } from './font.js';

let check: Promise<void> | undefined;

/**
 * Fails unless SVG text actually renders. Without any font installed librsvg draws text as nothing,
 * and the service would hand out images whose watermark is only a grey band: an unmarked copy of an
 * identity document. Checked once per process, on first use.
 */
export function ensureTextRenders(): Promise<void> {
  check ??= renderProbe().catch((error: unknown) => {
    check = undefined; // let a later request try again, e.g. after fonts were installed
    throw error;
  });
  return check;
}

async function renderProbe(): Promise<void> {
  // With no font, librsvg draws every character as the same small "missing glyph" box; with a real
  // font an "M" carries many times the ink of a ".".
  const [wide, dot] = await Promise.all([ink('M'), ink('.')]);
  if (wide < 40 || wide < 5 * dot) {
    throw new Error(
      `Watermark text does not render: no usable font. Install fonts-dejavu-core (fontconfig must find "${watermarkFont}").`,
    );
  }
}

/** How many pixels a character covers at 40 px. */
async function ink(character: string): Promise<number> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><text x="4" y="48" font-family="${watermarkFont}" font-size="40">${character}</text></svg>`;
  const alpha = await sharp(Buffer.from(svg)).ensureAlpha().extractChannel(3).raw().toBuffer();
  return alpha.filter((value) => value > 128).length;
}
