import type { OcrWord as PageWord, WordOcr } from '../ocr/words.js';

/** One word as the OCR read it, its box in pixels of the page it was given. */
export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A line of words, left to right. */
export interface OcrTextLine {
  words: OcrWord[];
}

/**
 * The page's words grouped into their text lines, from the English word OCR of `engines/ocr/words.ts`
 * (the same worker redaction uses, so a pool thread loads the English model once).
 */
export async function readLines(ocr: WordOcr, png: Buffer): Promise<OcrTextLine[]> {
  const lines = new Map<number, OcrWord[]>();
  for (const word of (await ocr.read(png)) as PageWord[]) {
    const text = word.text.trim();
    if (text.length === 0) continue;
    const { x, y, width, height } = word.box;
    const line = lines.get(word.line) ?? [];
    line.push({ text, confidence: word.confidence / 100, x0: x, y0: y, x1: x + width, y1: y + height });
    lines.set(word.line, line);
  }
  return [...lines.values()].map((words) => ({ words: words.sort((a, b) => a.x0 - b.x0) }));
}
