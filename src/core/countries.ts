import { countryTable } from './countries.data.js';

export interface Country {
  alpha2: string;
  alpha3: string;
  name: string;
}

export const countries: readonly Country[] = countryTable
  .split(/[|\n]/)
  .map((entry) => entry.trim())
  .filter(Boolean)
  .map((entry) => {
    const [alpha2 = '', alpha3 = '', ...name] = entry.split(' ');
    return { alpha2, alpha3, name: name.join(' ') };
  });

const byAlpha2 = new Map(countries.map((c) => [c.alpha2, c]));
const byAlpha3 = new Map(countries.map((c) => [c.alpha3, c]));

export const isAlpha3Country = (code: string): boolean => byAlpha3.has(code);

/** Looks a country up by its alpha-2 or alpha-3 code (upper case). */
export function findCountry(code: string): Country | undefined {
  return code.length === 2 ? byAlpha2.get(code) : byAlpha3.get(code);
}
