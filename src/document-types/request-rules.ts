import { findCountry } from '../core/countries.js';
import type { DocumentList } from './index.js';
import { isDocumentKind } from './kinds.js';

/** The document fields of a create-process request that apply to the provider. */
export interface DocumentChoice {
  /** The provider's name, for the messages. */
  provider: string;
  /** The provider's document list; a provider without one identifies people without a document. */
  documents: DocumentList | undefined;
  documentType?: string;
  /** Alpha-2, alpha-3 or `UNIV` (any ICAO passport, read from its MRZ only: no list applies). */
  documentCountry?: string;
  /** A catalogue id (PictureID), as Get document types lists it. */
  documentId?: number;
}

/**
 * Problems with a requested document, checked against the provider's document list (what Get document
 * types returns), so a process is never created for a document its provider cannot read. A malformed
 * country is reported by the general rules, so it is skipped here rather than reported twice.
 */
export function documentChoiceProblems(choice: DocumentChoice): string[] {
  const { provider, documents, documentId } = choice;
  if (!documents) return [];
  const see = `see GET /assure/${provider}/document-types.`;
  const problems: string[] = [];
  if (documentId !== undefined && !documents.acceptsId(documentId)) {
    problems.push(`documentId ${documentId} is not a document ${provider} accepts; ${see}`);
  }
  return [...problems, ...typeProblems(choice, documents, see)];
}

function typeProblems(
  { provider, documentType, documentCountry }: DocumentChoice,
  documents: DocumentList,
  see: string,
): string[] {
  // Upstream's enum holds kinds the catalogue does not list (visas, work permits...): the catalogue
  // cannot speak for them, so they are left to the schema rather than refused.
  if (documentType === undefined || !isDocumentKind(documentType)) return [];
  if (documentCountry !== undefined) {
    if (documentCountry === 'UNIV' || !findCountry(documentCountry)) return [];
    if (documents.accepts(documentType, documentCountry)) return [];
    return [
      `documentType '${documentType}' with documentCountry '${documentCountry}' is not a document ${provider} accepts; ${see}`,
    ];
  }
  if (documents.accepts(documentType)) return [];
  return [`documentType '${documentType}' is not a document type ${provider} accepts; ${see}`];
}
