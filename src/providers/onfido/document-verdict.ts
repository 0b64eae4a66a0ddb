import { assertNever } from '../../core/assert-never.js';
import type { DocumentReport, ReportResult, SubResult } from './raw.js';

/** What a document report says about the document: upstream's "valid", "valid but suspicious", "not valid". */
export type DocumentVerdict = 'valid' | 'suspicious' | 'invalid';

const severity: Record<DocumentVerdict, number> = { valid: 0, suspicious: 1, invalid: 2 };

function byResult(result: ReportResult): DocumentVerdict {
  switch (result) {
    case 'clear':
      return 'valid';
    case 'consider':
      return 'suspicious';
    case 'unidentified':
      // The document could not be identified at all, like upstream's "unknown document type".
      return 'invalid';
    default:
      return assertNever(result);
  }
}

function bySubResult(subResult: SubResult | null | undefined): DocumentVerdict {
  if (subResult === null || subResult === undefined) return 'valid';
  switch (subResult) {
    case 'clear':
      return 'valid';
    case 'rejected':
      return 'invalid';
    case 'suspected':
    case 'caution':
      return 'suspicious';
    default:
      return assertNever(subResult);
  }
}

/**
 * The verdict of a completed document report: the worst of what its result, its sub-result and its
 * blocking breakdowns say, so that contradictory fields never make a document look better.
 */
export function documentVerdict(report: DocumentReport, result: ReportResult): DocumentVerdict {
  // Upstream rejects for these even where Onfido only cautions: the holder is below the minimum
  // accepted age, or the images were not good enough to verify the document at all.
  const blocking =
    report.breakdown?.age_validation?.result === 'consider' || report.breakdown?.image_integrity?.result === 'consider';
  const verdicts = [byResult(result), bySubResult(report.sub_result), blocking ? 'invalid' : 'valid'] as const;
  return verdicts.reduce((worst, verdict) => (severity[verdict] > severity[worst] ? verdict : worst));
}
