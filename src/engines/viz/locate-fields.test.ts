import { describe, expect, it } from 'vitest';
import { findByHint, findByLabel } from './locate-fields.js';
import type { OcrTextLine } from './text-ocr.js';

/** A line of words 20 px high at `y`, each word 12 px per character with a 12 px space. */
function line(y: number, text: string, x = 100, confidence = 0.95): OcrTextLine {
  let at = x;
  return {
    words: text.split(' ').map((word) => {
      const box = { text: word, confidence, x0: at, y0: y, x1: at + 12 * word.length, y1: y + 20 };
      at = box.x1 + 12;
      return box;
    }),
  };
}

const page = [
  line(10, 'PASSPORT'),
  line(10, 'TYPE P CODE UTO No L898902C3', 800),
  line(60, 'SURNAME / NOM'),
  line(82, 'ERIKSSON'),
  line(120, 'GIVEN NAMES / PRENOMS'),
  line(142, 'ANNA MARIA'),
  line(180, 'DATE OF BIRTH'),
  line(202, '12 AUG 1974'),
  line(240, 'SEX'),
  line(262, 'F'),
];

describe('finding printed values', () => {
  it('finds a value by its resemblance to the MRZ value, as whole words', () => {
    expect(findByHint(page, ['ANNA MARIA'])).toMatchObject({ text: 'ANNA MARIA', distance: 0 });
    expect(findByHint(page, ['L898902C3'], '')).toMatchObject({ text: 'L898902C3', distance: 0 });
    expect(findByHint(page, ['ERIKSON'])).toMatchObject({ text: 'ERIKSSON', distance: 1 });
  });

  it('never finds a short value inside a longer word, nor a value too different', () => {
    expect(findByHint(page, ['ANN'])).toBeUndefined();
    expect(findByHint(page, ['SVENSSON'])).toBeUndefined();
  });

  it('finds the value under its caption, whatever it says', () => {
    const forged = page.map((l) => (l.words[0]?.text === 'ERIKSSON' ? line(82, 'SVENSSON') : l));
    expect(findByLabel(forged, [['SURNAME']])).toMatchObject({ text: 'SVENSSON' });
    expect(findByLabel(page, [['SEX']])).toMatchObject({ text: 'F' });
    expect(findByLabel(page, [['NATIONALITY']])).toBeUndefined();
  });

  it('takes a value after its caption on the same line when nothing is under it', () => {
    expect(findByLabel(page, [['NO']])).toMatchObject({ text: 'L898902C3' });
  });

  it('leaves out text of another column', () => {
    const withPortraitNoise = [...page, line(84, 'SS', 20, 0.2)];
    expect(findByLabel(withPortraitNoise, [['SURNAME']])?.words).toHaveLength(1);
  });
});
