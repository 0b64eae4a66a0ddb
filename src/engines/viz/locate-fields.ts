import { alignIn, comparable, distance, parsePrintedDate, tolerance } from './compare.js';
import type { OcrTextLine, OcrWord } from './text-ocr.js';

/** Words of the page that make up one value, and the text they read. */
export interface Located {
  words: OcrWord[];
  /** The words' text in comparison form, joined by spaces. */
  text: string;
  /** 0..1, the lowest word confidence. */
  confidence: number;
}

interface Indexed {
  /** The line's words in comparison form joined by `separator`. */
  text: string;
  /** Which word each character of `text` belongs to (-1 for a separator). */
  owner: number[];
  words: OcrWord[];
  /** Comparison form of each word. */
  forms: string[];
}

function indexLine(line: OcrTextLine, separator: string): Indexed {
  const words: OcrWord[] = [];
  const forms: string[] = [];
  for (const word of line.words) {
    const form = comparable(word.text);
    if (form.length === 0) continue;
    words.push(word);
    forms.push(separator === '' ? form.replace(/ /g, '') : form);
  }
  let text = '';
  const owner: number[] = [];
  forms.forEach((form, index) => {
    if (index > 0) {
      text += separator;
      for (let k = 0; k < separator.length; k++) owner.push(-1);
    }
    text += form;
    for (let k = 0; k < form.length; k++) owner.push(index);
  });
  return { text, owner, words, forms };
}

const located = (words: OcrWord[], forms: string[]): Located => ({
  words,
  text: forms.join(' '),
  confidence: Math.min(...words.map((word) => word.confidence)),
});

/**
 * Finds, among the page's lines, the whole words that read most like `patterns` (a value as the MRZ
 * has it, in its printed forms): the closest stretch of each line is widened to whole words, so that a
 * short value is never found inside a longer word. Accepted within `tolerance` edits of the pattern.
 */
export function findByHint(
  lines: readonly OcrTextLine[],
  patterns: readonly string[],
  separator: ' ' | '' = ' ',
): (Located & { distance: number }) | undefined {
  let best: (Located & { distance: number }) | undefined;
  for (const line of lines) {
    const indexed = indexLine(line, separator);
    for (const pattern of patterns) {
      const aligned = alignIn(indexed.text, pattern);
      if (!aligned || aligned.distance > tolerance(pattern.length)) continue;
      const owners = indexed.owner.slice(aligned.start, aligned.end).filter((owner) => owner >= 0);
      if (owners.length === 0) continue;
      const first = Math.min(...owners);
      const last = Math.max(...owners);
      const forms = indexed.forms.slice(first, last + 1);
      const edits = distance(forms.join(separator), pattern);
      if (edits > tolerance(pattern.length)) continue;
      const candidate = { ...located(indexed.words.slice(first, last + 1), forms), distance: edits };
      if (!best || edits < best.distance || (edits === best.distance && candidate.confidence > best.confidence)) {
        best = candidate;
      }
    }
  }
  return best;
}

/** A label's words in comparison form (`['DATE', 'OF', 'BIRTH']`). */
type Label = readonly string[];

const wordMatches = (read: string, label: string): boolean =>
  read === label || (label.length >= 6 && distance(read, label) <= 1);

/** Where a label is printed: its words' box. */
interface LabelHit {
  line: OcrTextLine;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Index in `line.words` of the first word after the label. */
  after: number;
}

function findLabel(lines: readonly OcrTextLine[], labels: readonly Label[]): LabelHit | undefined {
  for (const label of labels) {
    for (const line of lines) {
      const forms = line.words.map((word) => comparable(word.text));
      for (let i = 0; i + label.length <= forms.length; i++) {
        if (!label.every((part, k) => wordMatches(forms[i + k]!, part))) continue;
        const words = line.words.slice(i, i + label.length);
        // A bilingual caption (`SURNAME / NOM`) may be found by its second word: its value starts
        // under the caption's first word, so the caption reaches left over the words close before it.
        const height = Math.max(4, ...words.map((w) => w.y1 - w.y0));
        let first = i;
        while (first > 0 && line.words[first]!.x0 - line.words[first - 1]!.x1 < 1.5 * height) first--;
        return {
          line,
          x0: line.words[first]!.x0,
          y0: Math.min(...words.map((w) => w.y0)),
          x1: Math.max(...words.map((w) => w.x1)),
          y1: Math.max(...words.map((w) => w.y1)),
          after: i + label.length,
        };
      }
    }
  }
  return undefined;
}

/** Words that follow each other as one value: gaps narrower than about two characters. */
function run(words: readonly OcrWord[], from: number, height: number): OcrWord[] {
  const taken: OcrWord[] = [];
  for (const word of words.slice(from)) {
    const previous = taken[taken.length - 1];
    if (previous && word.x0 - previous.x1 > 1.5 * height) break;
    taken.push(word);
  }
  return taken;
}

/**
 * The value printed under a label (data pages: a small caption above each value) or, when nothing is
 * under it, after it on the same line (`No WK201935`). Only words that start near the label's left
 * edge belong to it: text further left is another column (a portrait, another field).
 */
export function findByLabel(lines: readonly OcrTextLine[], labels: readonly Label[]): Located | undefined {
  const hit = findLabel(lines, labels);
  if (!hit) return undefined;
  const height = Math.max(4, hit.y1 - hit.y0);
  let below: { words: OcrWord[]; top: number } | undefined;
  for (const line of lines) {
    if (line === hit.line) continue;
    const start = line.words.findIndex((word) => word.x0 >= hit.x0 - 1.5 * height && word.x0 <= hit.x1);
    if (start < 0) continue;
    const top = Math.min(...line.words.map((word) => word.y0));
    if (top < hit.y1 - height * 0.3 || top > hit.y1 + 2.5 * height) continue;
    if (!below || top < below.top) below = { words: run(line.words, start, height * 1.3), top };
  }
  const words = below?.words ?? run(hit.line.words, hit.after, height);
  const kept = words.filter((word) => comparable(word.text).length > 0);
  if (kept.length === 0) return undefined;
  if (!below && kept[0]!.x0 - hit.x1 > 3 * height) return undefined;
  return located(
    kept,
    kept.map((word) => comparable(word.text)),
  );
}

/**
 * Finds a date printed in any form the date reader understands (`12 AUG/AOUT 74`, `12.08.1974`) that is
 * `isoDate` (YYYY-MM-DD): the shortest run of words of a line that reads as exactly that date.
 */
export function findDate(lines: readonly OcrTextLine[], isoDate: string): (Located & { distance: number }) | undefined {
  const hintYear = Number(isoDate.slice(0, 4));
  for (let length = 1; length <= 5; length++) {
    for (const line of lines) {
      const words = line.words.filter((word) => comparable(word.text).length > 0);
      for (let start = 0; start + length <= words.length; start++) {
        const span = words.slice(start, start + length);
        const forms = span.map((word) => comparable(word.text));
        const read = parsePrintedDate(forms.join(' '), hintYear);
        if (read.date !== 'unparsed' && read.value === isoDate) return { ...located(span, forms), distance: 0 };
      }
    }
  }
  return undefined;
}
