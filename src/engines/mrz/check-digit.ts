import { characterValue } from './alphabet.js';

const weights = [7, 3, 1] as const;

/** The check digit of MRZ text, or null when the text holds a character an MRZ cannot. */
export function checkDigitOf(text: string): number | null {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = characterValue(text.charAt(i));
    if (value === null) return null;
    sum += value * weights[i % 3]!;
  }
  return sum % 10;
}

/**
 * ICAO 9303 Part 3 check digit: each character's value (0-9, A=10 ... Z=35, '<'=0) times the repeating
 * weights 7, 3, 1, summed, modulo 10.
 *
 * @example checkDigit('520727') // 3
 * @throws RangeError for empty text or a character outside A-Z, 0-9 and '<' (lower case included)
 */
export function checkDigit(text: string): number {
  const digit = text.length > 0 ? checkDigitOf(text) : null;
  if (digit === null) throw new RangeError(`Not MRZ text: ${JSON.stringify(text)}`);
  return digit;
}

/** Whether the printed check character is the digit computed over `data`. */
export function checkDigitHolds(data: string, printed: string): boolean {
  const computed = checkDigitOf(data);
  return computed !== null && printed === String(computed);
}
