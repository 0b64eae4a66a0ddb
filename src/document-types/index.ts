import { findCountry } from '../core/countries.js';
import { catalogue, type CatalogueDocument } from './catalogue.js';
import { documentKinds } from './kinds.js';
import type { DocumentSelection } from './selection.js';

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

/** The documents one provider accepts: what Get document types lists and Create process checks against. */
export interface DocumentList {
  /** Every document of the list, in catalogue order, in upstream shape. */
  entries(): DocumentTypeEntry[];
  /** Whether it holds this document type, from some country (`country` omitted) or from this one. */
  accepts(type: string, country?: string): boolean;
  /** Whether it holds the document with this catalogue id. */
  acceptsId(id: number): boolean;
}

/** The list made of these slices of the catalogue. Built once per provider, when its definition loads. */
export function documentList(selections: readonly DocumentSelection[]): DocumentList {
  const documents = catalogue.filter((document) =>
    selections.some(
      (s) => s.types.includes(document.type) && (s.countries === 'any' || s.countries.includes(document.country)),
    ),
  );
  return {
    entries: () => documents.map(present),
    accepts(type, country) {
      const alpha3 = country === undefined ? undefined : findCountry(country)?.alpha3;
      if (country !== undefined && alpha3 === undefined) return false;
      return documents.some(
        (document) => document.type === type && (alpha3 === undefined || document.country === alpha3),
      );
    },
    acceptsId: (id) => documents.some((document) => document.id === id),
  };
}

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
