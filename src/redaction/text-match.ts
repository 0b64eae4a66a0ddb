import { overlaps, unionOf, type Box } from './boxes.js';
import type { OcrWord } from '../engines/ocr/words.js';

/**
 * Characters an OCR confuses on printed documents, folded to one form on both sides of a comparison:
 * the number is known exactly (from the MRZ), only the printed reading may be off.
 */
const folded: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', Z: '2', S: '5', B: '8', G: '6' };

/** Letters and digits only, upper case, look-alikes folded: "123 45-678" and "12345678" compare equal. */
export function comparable(text: string): string {
  return [...text.toUpperCase().replace(/[^A-Z0-9]/g, '')].map((c) => folded[c] ?? c).join('');
}

/**
 * Where `target` is printed: runs of consecutive words of one line whose letters and digits, joined,
 * are exactly the target, or one word that contains it (so "1234 567 89" printed in groups is found, and a longer number that merely
 * contains the target is not). Words inside `exclude` (the MRZ band, which holds the same characters)
 * are skipped. Returns the box of each occurrence.
 */
export function findPrinted(words: readonly OcrWord[], target: string, exclude: readonly Box[] = []): Box[] {
  const wanted = comparable(target);
  if (wanted.length === 0) return [];
  const usable = words.filter((w) => comparable(w.text).length > 0 && !exclude.some((box) => overlaps(box, w.box)));
  const found: Box[] = [];
  for (let start = 0; start < usable.length; start++) {
    // A label printed against the number ("BSN:123456782") comes out of the OCR as one word.
    if (comparable(usable[start]!.text).length > wanted.length && comparable(usable[start]!.text).includes(wanted)) {
      found.push(usable[start]!.box);
      continue;
    }
    let joined = '';
    for (let end = start; end < usable.length && usable[end]!.line === usable[start]!.line; end++) {
      joined += comparable(usable[end]!.text);
      if (!wanted.startsWith(joined)) break;
      if (joined === wanted) {
        found.push(unionOf(usable.slice(start, end + 1).map((w) => w.box))!);
        break;
      }
    }
  }
  return found;
}
