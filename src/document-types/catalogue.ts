import { findCountry } from '../core/countries.js';
import { documentTable } from './catalogue.data.js';
import { isDocumentKind, type DocumentKind } from './kinds.js';

/** One identity document: a type issued by a country, under its stable id. */
export interface CatalogueDocument {
  id: number;
  /** ISO 3166-1 alpha-3. */
  country: string;
  type: DocumentKind;
}

function parse(table: string): CatalogueDocument[] {
  const documents: CatalogueDocument[] = [];
  for (const line of table
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [country = '', ...items] = line.split(/\s+/);
    if (!findCountry(country)) throw new Error(`Document table: unknown country '${country}'.`);
    for (const item of items) {
      const [id, type = ''] = item.split(':');
      if (!/^[1-9]\d*$/.test(id ?? '') || !isDocumentKind(type)) {
        throw new Error(`Document table: bad entry '${item}' for ${country}.`);
      }
      documents.push({ id: Number(id), country, type });
    }
  }
  return documents;
}

/** Every document, in table order (by country, then type). Parsed once; a malformed table fails at start. */
export const catalogue: readonly CatalogueDocument[] = parse(documentTable);
