import { isAlpha3Country } from '../../core/countries.js';
import { withoutFillers } from './alphabet.js';
import { mrzOnlyCodes } from './mrz-codes.data.js';

/**
 * Whether an MRZ issuing-state or nationality code is assigned: ISO 3166-1 alpha-3 or one of the codes
 * ICAO adds (Germany's 'D', organisations, refugees, stateless persons, the Utopia specimen).
 * Accepts the code as printed ('D<<') or without its fillers ('D').
 *
 * @example isKnownMrzCountry('D<<') // true
 */
export function isKnownMrzCountry(code: string): boolean {
  const bare = withoutFillers(code.toUpperCase());
  // Fillers only pad the end of a code: 'D<<' is Germany, '<D<' is not a code.
  if (!code.toUpperCase().startsWith(bare)) return false;
  return isAlpha3Country(bare) || Object.hasOwn(mrzOnlyCodes, bare);
}
