import { type Layout, layouts } from './layouts.js';

export type Detection = { layout: Layout; problem?: undefined } | { layout: null; problem: string };

const supported =
  'TD1 3 x 30, TD2 2 x 36, TD3 and MRV-A 2 x 44, MRV-B 2 x 36, French ID card 2 x 36, ' +
  'French driving licence 1 x 30, Swiss driving licence 9 + 30 + 30';

/**
 * Picks the layout from the shape of the lines, then the document code: visas ('V') share the TD3 and
 * TD2 sizes, and the pre-2021 French ID card shares the TD2 size ('IDFRA') without following TD2.
 */
export function detectLayout(lines: readonly string[]): Detection {
  const shape = lines.map((line) => line.length).join(',');
  const first = lines[0] ?? '';
  switch (shape) {
    case '30,30,30':
      return { layout: layouts.TD1 };
    case '9,30,30':
      return { layout: layouts.SWISS_DRIVING_LICENCE };
    case '44,44':
      return { layout: first.startsWith('V') ? layouts.MRVA : layouts.TD3 };
    case '36,36':
      if (first.startsWith('V')) return { layout: layouts.MRVB };
      return { layout: first.startsWith('IDFRA') ? layouts.FRENCH_ID : layouts.TD2 };
    case '30':
      // Other countries' single-line licences differ in layout; only the French one is known here.
      if (/^[ABD][0-9]FRA/.test(first)) return { layout: layouts.FRENCH_DRIVING_LICENCE };
      return { layout: null, problem: 'lines: a single line of 30 is only supported as a French driving licence' };
    default: {
      const described = lines.length === 0 ? 'no text' : `${lines.length} line(s) of ${shape.replaceAll(',', ', ')}`;
      return { layout: null, problem: `lines: ${described} match no supported format (${supported})` };
    }
  }
}
