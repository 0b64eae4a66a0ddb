import type { CreateResponseContext } from '../types.js';
import { documentPagesOf } from './document-pages.js';

/** Create-process fields of PictureID: `documentPages`, so the client knows whether to upload a back image. */
export function createResponse({ process }: CreateResponseContext): Record<string, number> {
  return process.documentId === null ? {} : { documentPages: documentPagesOf(process.documentId) };
}
