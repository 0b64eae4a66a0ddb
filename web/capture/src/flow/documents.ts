import type { CountryOption, DocumentOption, SelectedDocument } from '../api/types';

/** Upstream's "any country" marker for documents that are not tied to one (Signicat Paper). */
export const UNIVERSAL = 'UNIV';

/** Every country that appears in the options, once. */
export function allCountries(options: DocumentOption[]): CountryOption[] {
  const byCode = new Map<string, CountryOption>();
  for (const option of options) for (const country of option.countries) byCode.set(country.iso3, country);
  return [...byCode.values()];
}

export function countriesFor(options: DocumentOption[], documentType: string): CountryOption[] {
  return options.find((option) => option.documentType === documentType)?.countries ?? [];
}

export function typesFor(options: DocumentOption[], iso3: string): string[] {
  return options
    .filter((option) => option.countries.some((country) => country.iso3 === iso3))
    .map((option) => option.documentType);
}

/** The one document there is to pick, when there is exactly one: then the choice is not shown at all. */
export function onlyChoice(options: DocumentOption[]): SelectedDocument | null {
  const [option, ...others] = options;
  if (!option || others.length > 0 || option.countries.length !== 1) return null;
  const [country] = option.countries;
  return country ? { documentType: option.documentType, documentCountry: country.iso3 } : null;
}

/** The country to preselect: the one already chosen, the configured default, or the only one there is. */
export function initialCountry(
  countries: CountryOption[],
  selected: string | null | undefined,
  defaultCountry: string | null,
): string {
  for (const candidate of [selected, defaultCountry]) {
    if (candidate && countries.some((country) => country.iso3 === candidate)) return candidate;
  }
  return countries.length === 1 ? (countries[0]?.iso3 ?? '') : '';
}
