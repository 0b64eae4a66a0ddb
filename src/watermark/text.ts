/** What a watermark says; every field is required and already length-checked by the route schema. */
export interface WatermarkText {
  /** Who asked for the image. */
  title: string;
  /** Why the image was requested. */
  description: string;
  /** Date of the request, YYYY-MM-DD. */
  date: string;
}

/**
 * Upstream sets no limits; these keep the caption readable and the SVG small. A longer text would
 * only be cut off or shrunk to nothing on a 250 px wide image.
 */
export const watermarkTextLimits = { title: 100, description: 200 } as const;

/**
 * Makes caller text safe inside SVG character data and attribute values. Markup characters are
 * escaped (an unescaped `<` would let a caller inject elements, e.g. an `<image href>` that makes the
 * renderer read a local file), and characters XML 1.0 forbids (controls, lone surrogates) become
 * spaces, since librsvg refuses the whole document otherwise.
 */
export function escapeSvgText(value: string): string {
  let out = '';
  // Iterating by code point yields a lone surrogate as its own unit, so it can be told apart.
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (!isXmlChar(code)) out += ' ';
    else out += markupEscapes[char] ?? char;
  }
  return out;
}

const markupEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The XML 1.0 `Char` production, minus U+007F (DEL), which renders as nothing useful. */
function isXmlChar(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  if (code === 0x7f) return false;
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return code !== 0xfffe && code !== 0xffff;
}

/** Collapses whitespace runs (tabs, newlines) to one space: each caption line is one SVG text line. */
export const singleLine = (value: string): string => value.replace(/\s+/g, ' ').trim();
