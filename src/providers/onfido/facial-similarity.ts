import { defined } from '../normalize.js';
import { camelCaseDeep } from './camel-case.js';
import { facialBreakdownNames, type FacialSimilarityReport } from './raw.js';
import type { Json } from '../../core/domain.js';

export type SimilarityScore = 'high' | 'medium' | 'low' | 'veryLow';

/** Onfido's score (0 to 1, 1 a perfect match) in upstream's four bands. */
export function similarityScore(score: number): SimilarityScore {
  if (score > 0.75) return 'high';
  if (score > 0.5) return 'medium';
  if (score > 0.25) return 'low';
  return 'veryLow';
}

/** The report's score; older reports carry it only on the face_match sub-breakdown. */
function scoreOf(report: FacialSimilarityReport): number | undefined {
  const score = report.properties?.score ?? report.breakdown?.face_comparison?.breakdown?.face_match?.properties?.score;
  return typeof score === 'number' ? score : undefined;
}

export function reportSimilarityScore(report: FacialSimilarityReport): SimilarityScore | undefined {
  const score = scoreOf(report);
  return score === undefined ? undefined : similarityScore(score);
}

/** providerSpecific.facialSimilarity; nested breakdowns only when Onfido went into sub-breakdowns. */
export function facialSimilarity(report: FacialSimilarityReport): Json {
  const breakdown = report.breakdown ?? {};
  const detailed = Object.values(breakdown).some((item) => item?.breakdown !== undefined);
  return defined({
    result: report.result,
    imageIntegrity: breakdown.image_integrity?.result,
    faceComparison: breakdown.face_comparison?.result,
    visualAuthenticity: breakdown.visual_authenticity?.result,
    similarityScore: reportSimilarityScore(report),
    breakdowns: detailed ? camelCaseDeep(breakdown) : undefined,
  });
}

/** Whether the faces matched: the report and every breakdown Onfido ran came back clear. */
export function facesMatch(report: FacialSimilarityReport): boolean {
  const breakdownsClear = facialBreakdownNames.every((name) => {
    const result = report.breakdown?.[name]?.result;
    return result === undefined || result === null || result === 'clear';
  });
  return report.result === 'clear' && breakdownsClear;
}
