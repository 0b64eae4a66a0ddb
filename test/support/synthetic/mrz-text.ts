import { checkDigit as digitOf } from '../../../src/engines/mrz/index.js';
import type { Holder } from './holder.js';

export type SyntheticFormat = 'TD1' | 'TD2' | 'TD3';

const checkDigit = (text: string): string => String(digitOf(text));
const fill = (text: string, width: number): string => text.padEnd(width, '<').slice(0, width);

/** `SURNAME<<GIVEN<NAMES`, truncated to the field as ICAO 9303 allows (the reader must not care). */
function nameField(holder: Holder, width: number): string {
  return fill(`${holder.surname}<<${holder.givenNames.join('<')}`, width);
}

/** A check digit over a field made only of fillers may itself be a filler; keep it a digit here. */
const withCheck = (field: string): string => field + checkDigit(field);

/** The MRZ lines of a document of the given format, every check digit correct. */
export function mrzLines(format: SyntheticFormat, holder: Holder, documentCode: string): string[] {
  const number = withCheck(fill(holder.documentNumber, 9));
  const birth = withCheck(holder.birthDate);
  const expiry = withCheck(holder.expiryDate);
  const code = fill(documentCode, 2);
  switch (format) {
    case 'TD3': {
      const personal = withCheck(fill(holder.optional, 14));
      const upper = number + holder.nationality + birth + holder.sex + expiry + personal;
      const composite = checkDigit(number + birth + expiry + personal);
      return [code + holder.issuer + nameField(holder, 39), upper + composite];
    }
    case 'TD2': {
      const optional = fill(holder.optional, 7);
      const composite = checkDigit(number + birth + expiry + optional);
      return [
        code + holder.issuer + nameField(holder, 31),
        number + holder.nationality + birth + holder.sex + expiry + optional + composite,
      ];
    }
    case 'TD1': {
      const first = code + holder.issuer + number + fill(holder.optional, 15);
      const second = birth + holder.sex + expiry + holder.nationality + fill('', 11);
      const composite = checkDigit(first.slice(5) + second.slice(0, 7) + second.slice(8, 15) + second.slice(18));
      return [first, second + composite, nameField(holder, 30)];
    }
  }
}
