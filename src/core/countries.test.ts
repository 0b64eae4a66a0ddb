import { describe, expect, it } from 'vitest';
import { countries, findCountry, isAlpha3Country } from './countries.js';

describe('countries', () => {
  it('holds every officially assigned ISO 3166-1 code once', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.alpha2)).size).toBe(249);
    expect(new Set(countries.map((c) => c.alpha3)).size).toBe(249);
    for (const c of countries) {
      expect(c.alpha2, c.name).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3, c.name).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('finds by either code', () => {
    expect(findCountry('NL')?.alpha3).toBe('NLD');
    expect(findCountry('PRT')?.name).toBe('Portugal');
    expect(isAlpha3Country('D<<')).toBe(false);
    expect(isAlpha3Country('UTO')).toBe(false);
  });
});
