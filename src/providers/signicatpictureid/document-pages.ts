/**
 * How many page images a PictureID document needs: a passport's data page is one image, a card has a
 * front and a back. A stand-in until the curated document list of a later issue replaces it: the only
 * document id whose kind upstream's material states is 147, a passport in the Signicat VideoID OCR
 * example (the two services appear to share the document catalogue). Unknown ids count as cards, since
 * asking for a back image that a passport lacks costs less than missing the back of a card.
 */
const passportDocumentIds: ReadonlySet<number> = new Set([147]);

export function documentPagesOf(documentId: number): 1 | 2 {
  return passportDocumentIds.has(documentId) ? 1 : 2;
}
