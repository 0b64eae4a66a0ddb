import { findCountry } from '../core/countries.js';
import { catalogue, type CatalogueDocument } from './catalogue.js';
import { documentKinds } from './kinds.js';
import { providerDocuments } from './providers.data.js';

/** A document as Get document types returns it (upstream's EidCountryAndDocumentType). */
export interface DocumentTypeEntry {
  country: string;
  countryName: string;
  type: string;
  id: number;
  name: string;
  subType: string;
  icao?: string;
}

function documentsOf(provider: string): readonly CatalogueDocument[] {
  const selections = providerDocuments[provider];
  if (!selections) return [];
  return catalogue.filter((document) =>
    selections.some(
      (s) => s.types.includes(document.type) && (s.countries === 'any' || s.countries.includes(document.country)),
    ),
  );
}

const listByProvider = new Map(Object.keys(providerDocuments).map((name) => [name, documentsOf(name)]));

function present(document: CatalogueDocument): DocumentTypeEntry {
  const kind = documentKinds[document.type];
  const countryName = findCountry(document.country)?.name ?? document.country;
  return {
    country: document.country,
    countryName,
    type: document.type,
    id: document.id,
    name: `${kind.label} (${countryName})`,
    subType: kind.label,
    ...(kind.icao === undefined ? {} : { icao: kind.icao }),
  };
}

/** The documents a provider accepts (its canonical name), or [] when it takes none. */
export function documentTypesOf(provider: string): DocumentTypeEntry[] {
  return (listByProvider.get(provider) ?? []).map(present);
}

/** Whether the provider has a document list at all (if not, there is nothing to check against). */
export const hasDocumentList = (provider: string): boolean => (listByProvider.get(provider)?.length ?? 0) > 0;

/** Whether the provider accepts this document type, from some country (`country` omitted) or from this one. */
export function acceptsDocument(provider: string, type: string, country?: string): boolean {
  const alpha3 = country === undefined ? undefined : findCountry(country)?.alpha3;
  if (country !== undefined && alpha3 === undefined) return false;
  return (listByProvider.get(provider) ?? []).some(
    (document) => document.type === type && (alpha3 === undefined || document.country === alpha3),
  );
}

/** Whether the provider accepts the document with this catalogue id. */
export const acceptsDocumentId = (provider: string, id: number): boolean =>
  (listByProvider.get(provider) ?? []).some((document) => document.id === id);
