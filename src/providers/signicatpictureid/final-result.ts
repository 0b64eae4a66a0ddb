import { defined, normalizeCountry, normalizeDate, normalizeGender } from '../normalize.js';
import type { PictureIdDocument, SimilarityLevel } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * The normalised finalResult of an accepted transaction. PictureID does not say which kind of document
 * it read, so there is no documentType; the similarity score comes with documentSelfie processes only.
 */
export function finalResultOf(document: PictureIdDocument, similarity: SimilarityLevel | undefined): Json {
  const subject = document.subject ?? {};
  return defined({
    firstName: subject.firstName,
    lastName: subject.lastName,
    dateOfExpiry: normalizeDate(document.dateOfExpiry),
    dateOfBirth: normalizeDate(subject.dateOfBirth),
    gender: normalizeGender(subject.gender),
    nationality: normalizeCountry(subject.nationality),
    documentNumber: document.documentNumber,
    issuingCountry: normalizeCountry(document.issuingCountry),
    dateOfIssue: normalizeDate(document.dateOfIssue),
    placeOfBirth: subject.placeOfBirth,
    similarityScore: similarity,
    personalIdentificationNumber: subject.personalIdentificationNumber,
  });
}
