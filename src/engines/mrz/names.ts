import { readable } from './alphabet.js';

export interface NameParts {
  surname: string;
  givenNames: string;
  /** The two parts as printed, for per-part character checks. */
  rawSurname: string;
  rawGivenNames: string;
}

/**
 * ICAO 9303 Part 3 section 4.6: the primary identifier comes first, then '<<', then the secondary
 * identifier; single fillers separate components. A field with no '<<' is all primary identifier
 * (a long surname truncated to fill the field). An empty primary identifier is written '<<' first.
 */
export function splitNameField(field: string): NameParts {
  const separator = field.indexOf('<<');
  const rawSurname = separator < 0 ? field : field.slice(0, separator);
  const rawGivenNames = separator < 0 ? '' : field.slice(separator + 2);
  return { surname: readable(rawSurname), givenNames: readable(rawGivenNames), rawSurname, rawGivenNames };
}
