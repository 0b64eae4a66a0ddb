import { checkTitles as titles, type CheckName } from './check-titles.js';
import type { PictureIdDocument, PictureIdSelfie, SimilarityLevel } from './raw.js';

/** Building blocks of the PictureID sandbox scenarios: upstream's specimen documents and checks. */

type Box = { x: number; y: number; width: number; height: number };
type Checks = PictureIdDocument['securityChecks'];

export const box = (x: number, y: number, width: number, height: number): Box => ({ x, y, width, height });

export type { CheckName } from './check-titles.js';

/** Checks with a verdict: the given ones, passed unless listed as failing. */
export function verdicts(names: readonly CheckName[], failing: readonly CheckName[] = []): Checks {
  return Object.fromEntries(names.map((name) => [name, { name: titles[name], passed: !failing.includes(name) }]));
}

/** The five checks PictureID makes on every document. */
export const documentCheckNames: readonly CheckName[] = [
  'notTamperedDocument',
  'nonExpired',
  'notUnderage',
  'notBlackAndWhite',
  'dataIntegrity',
];

export const documentChecks = (failing: readonly CheckName[] = []): Checks => verdicts(documentCheckNames, failing);

export const similarity = (similarityLevel: SimilarityLevel): Checks => ({
  selfieAndDocumentMatch: { name: 'Selfie and photo in the document match', similarityLevel },
});

export const selfieFound = (face: Box): PictureIdSelfie => ({ status: 'SUCCESS', ...face });

/** The Dutch identity card specimen, with the photo and signature where PictureID found them. */
export function dutchSpecimen(photo: Box, signature: Box, securityChecks: Checks): PictureIdDocument {
  return {
    issuingCountry: 'NLD',
    dateOfExpiry: '2031-08-30',
    documentNumber: 'SPECI2021',
    subject: {
      firstName: 'WILLEKE LISELOTTE',
      lastName: 'DE BRUIJN',
      dateOfBirth: '1965-03-10',
      gender: 'F',
      nationality: 'NLD',
      personalIdentificationNumber: '999999990',
      photo,
      signature,
    },
    securityChecks,
  };
}

/** Upstream's Portuguese example document. */
export function portugueseDocument(securityChecks: Checks): PictureIdDocument {
  return {
    issuingCountry: 'PRT',
    dateOfExpiry: '2025-11-13',
    documentNumber: 'CB567890',
    subject: {
      firstName: 'CATARINA',
      lastName: 'BRAVO SAMPAIO',
      dateOfBirth: '1984-04-17',
      gender: 'F',
      nationality: 'PRT',
      personalIdentificationNumber: '12345678',
      photo: box(187, 456, 376, 539),
      signature: box(1511, 948, 598, 156),
    },
    securityChecks,
  };
}
