import { notFound } from '../core/errors.js';
import type { DocumentTypeEntry } from '../document-types/index.js';
import { resolveProvider } from '../providers/registry.js';

/** The documents each provider accepts: static data, the same for every client. */
export class DocumentTypeService {
  /** The provider's documents ([] when it identifies people without one); unknown providers are 404. */
  list(providerName: string): DocumentTypeEntry[] {
    const resolved = resolveProvider(providerName);
    if (!resolved) throw notFound('Provider');
    return resolved.definition.documents?.entries() ?? [];
  }
}
