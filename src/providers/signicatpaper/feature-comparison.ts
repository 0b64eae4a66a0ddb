import type { VizField, VizFieldName, VizReading } from '../../engines/viz/index.js';
import type { MrzDocument } from '../engine-support/mrz-document.js';
import type { EngineContext } from '../types.js';

/** Paper's vocabulary for a printed field against the MRZ (see PaperMrzFeatureMatching upstream). */
export type FeatureMatch =
  | 'FULL_MATCH'
  | 'LEVENSHTEIN1'
  | 'LEVENSHTEIN2'
  | 'LEVENSHTEIN3'
  | 'LEVENSHTEIN4'
  | 'VALID'
  | 'PARSED'
  | 'FOUND'
  | 'MISSING';

/** The printed fields Paper reports, by its (snake case) names; nationality is not one of them. */
const compared: ReadonlyArray<[vendor: string, viz: VizFieldName, kind: 'text' | 'date']> = [
  ['last_name', 'surname', 'text'],
  ['first_name', 'givenNames', 'text'],
  ['document_number', 'documentNumber', 'text'],
  ['date_of_birth', 'dateOfBirth', 'date'],
  ['date_of_expiry', 'dateOfExpiry', 'date'],
];

/** Fewer printed fields than this found, and the page is taken as not read: the result stays MRZ_ONLY. */
const minimumFound = 2;

/**
 * Upstream's grades: the edit distance up to four; beyond it, what the printed value still is (a real
 * date, a date that is not real, text that is not a date); MISSING when it was not found.
 */
export function featureMatch(field: VizField | undefined, kind: 'text' | 'date'): FeatureMatch {
  if (!field) return 'MISSING';
  if (field.distance === 0) return 'FULL_MATCH';
  if (field.distance <= 4) return `LEVENSHTEIN${field.distance}` as FeatureMatch;
  if (kind === 'text') return 'FOUND';
  return field.date === 'valid' ? 'VALID' : field.date === 'invalid' ? 'PARSED' : 'FOUND';
}

/** What Paper reports from the visual zone: `features`, `mrz_feature_matching` and the mismatches. */
export interface FeatureComparison {
  features: Record<string, string>;
  matching: Record<string, string>;
  errors: string[];
}

/**
 * The comparison of the printed fields with the MRZ, or why there is none. A printed value that is
 * not the MRZ's (beyond OCR slips: `matchesMrz`) is an error in Paper's wording.
 */
export function compareFeatures(viz: VizReading): FeatureComparison | string {
  const found = compared.filter(([, name]) => viz.fields[name]).length;
  if (found < minimumFound) {
    return `only ${found} of ${compared.length} printed fields found (${viz.problems.join('; ') || 'no reason given'})`;
  }
  const features: Record<string, string> = {};
  const matching: Record<string, string> = {};
  const errors: string[] = [];
  for (const [vendor, name, kind] of compared) {
    const field = viz.fields[name];
    matching[vendor] = featureMatch(field, kind);
    if (!field) continue;
    features[vendor] = field.value;
    if (!field.matchesMrz) errors.push(`Invalid ${vendor}: does NOT match the MRZ, value ${field.value}`);
  }
  // Upstream's features carry the sex as gender (M or F) and its matching has no entry for it.
  const sex = viz.fields.sex;
  if (sex && sex.value !== 'X') features.gender = sex.value;
  if (sex && !sex.matchesMrz) errors.push(`Invalid gender: does NOT match the MRZ, value ${sex.value}`);
  return { features, matching, errors };
}

/** The image to read the printed fields on and how, or why they are not read. */
export function vizSource(
  document: Pick<MrzDocument, 'side' | 'reading'>,
  context: Pick<EngineContext, 'images'> & { process: Pick<EngineContext['process'], 'documentCountry'> },
): { image: Buffer; mrzOnImage: boolean } | string {
  // UNIV means any ICAO passport: no known layout, MRZ only by definition.
  if (context.process.documentCountry === 'UNIV') return 'documentCountry UNIV is verified from the MRZ only';
  if (document.reading.format !== 'TD1') {
    const image = context.images[document.side];
    return image ? { image, mrzOnImage: true } : 'the image the MRZ was read on is gone';
  }
  // A TD1 card carries its MRZ on the back and its printed fields on the front.
  const other = document.side === 'front' ? 'back' : 'front';
  const image = context.images[other];
  return image ? { image, mrzOnImage: false } : `no ${other} image: the card's printed side was not given`;
}
