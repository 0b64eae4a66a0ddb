import { describe, expect, it } from 'vitest';
import type { OcrWord } from '../engines/ocr/words.js';
import { comparable, findPrinted } from './text-match.js';

const word = (text: string, x: number, line: number, y = line * 40): OcrWord => ({
  text,
  confidence: 90,
  box: { x, y, width: 10 * text.length, height: 20 },
  line,
});

describe('printed-number search', () => {
  it('compares letters and digits only, look-alikes folded', () => {
    expect(comparable('123 45-6O8')).toBe('12345608');
    expect(comparable('I2S4B')).toBe(comparable('12548'));
  });

  it('finds the number printed whole, or in groups on one line, and returns its box', () => {
    const words = [
      word('PERSONAL', 0, 1),
      word('No.', 90, 1),
      word('1234', 0, 2),
      word('56', 50, 2),
      word('789', 80, 2),
    ];
    expect(findPrinted(words, '123456789')).toEqual([{ x: 0, y: 80, width: 110, height: 20 }]);
    expect(findPrinted([word('123456789', 5, 3)], '123456789')).toEqual([{ x: 5, y: 120, width: 90, height: 20 }]);
  });

  it('finds it misread as look-alikes and glued to its label', () => {
    expect(findPrinted([word('I234S6789', 0, 1)], '123456789')).toHaveLength(1);
    expect(findPrinted([word('BSN:123456789', 0, 1)], '123456789')).toHaveLength(1);
  });

  it('does not join words across lines, nor take part of another number', () => {
    expect(findPrinted([word('1234', 0, 1), word('56789', 0, 2)], '123456789')).toEqual([]);
    expect(findPrinted([word('12345', 0, 1), word('67', 60, 1)], '123456789')).toEqual([]);
  });

  it('skips the words inside the excluded boxes (the MRZ band)', () => {
    const band = { x: 0, y: 100, width: 500, height: 60 };
    const words = [word('123456789<<<<', 0, 1, 110), word('123456789', 0, 2, 10)];
    expect(findPrinted(words, '123456789', [band])).toEqual([{ x: 0, y: 10, width: 90, height: 20 }]);
  });

  it('finds nothing for an empty target', () => {
    expect(findPrinted([word('<<<', 0, 1)], '<<')).toEqual([]);
  });
});
