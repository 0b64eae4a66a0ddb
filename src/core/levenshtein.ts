/**
 * The Levenshtein distance (insertions, deletions and substitutions, each costing 1) between two
 * strings, counted in Unicode code points so that a letter outside the BMP is one edit, not two.
 * Two rows of the dynamic-programming table are kept: O(n·m) time, O(m) memory.
 */
export function levenshteinDistance(a: string, b: string): number {
  if (a === b) return 0;
  const source = Array.from(a);
  const target = Array.from(b);
  if (source.length === 0) return target.length;
  if (target.length === 0) return source.length;
  let previous = new Uint32Array(target.length + 1);
  let current = new Uint32Array(target.length + 1);
  for (let j = 0; j <= target.length; j++) previous[j] = j;
  for (let i = 1; i <= source.length; i++) {
    current[0] = i;
    const char = source[i - 1];
    for (let j = 1; j <= target.length; j++) {
      const substitution = previous[j - 1]! + (char === target[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[target.length]!;
}

/** The length in code points, without building the array of them (this runs for every compared field). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point written in two UTF-16 units.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/** 1 − distance / length of the longer string: 1 for equal strings, 0 when nothing lines up. */
export function similarityRatio(a: string, b: string, distance = levenshteinDistance(a, b)): number {
  const longer = Math.max(codePointLength(a), codePointLength(b));
  return longer === 0 ? 1 : 1 - distance / longer;
}
