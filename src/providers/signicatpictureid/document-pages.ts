import { catalogue } from '../../document-types/catalogue.js';

/**
 * How many page images a PictureID document needs: a passport's data page is one image, a card has a
 * front and a back. The document ids are the catalogue's (Get document types); an unknown id counts as
 * a card, since asking for a back image that a passport lacks costs less than missing the back of a card.
 */
const passportDocumentIds: ReadonlySet<number> = new Set(
  catalogue.filter((document) => document.type === 'passport').map((document) => document.id),
);

export function documentPagesOf(documentId: number): 1 | 2 {
  return passportDocumentIds.has(documentId) ? 1 : 2;
}
