import type { PictureIdDocument } from './raw.js';
import type { StatusReason } from '../../core/domain.js';

type Check = PictureIdDocument['securityChecks'][string];
type PassFail = Extract<Check, { passed: boolean }>;

const isPassFail = (check: Check | undefined): check is PassFail => check !== undefined && 'passed' in check;

/** The checks with a verdict, in the order their failures are reported; checks not listed follow. */
const checkOrder = [
  'notTamperedDocument',
  'nonExpired',
  'notBlackAndWhite',
  'dataIntegrity',
  'sidesMatch',
  'notFaceSpoofing',
];
/** Checks with rules of their own. */
const specialChecks = new Set(['notUnderage', 'selfieAndDocumentMatch']);

const imageQuality: StatusReason = {
  type: 'Document',
  category: 'ImageQuality',
  message:
    'Document image does not have enough quality or is not an image of an ID document (documentNumber could not be extracted).',
};

const underage: StatusReason = {
  type: 'Document',
  category: 'Security',
  subCategory: 'NotUnderage',
  message: "Security check 'notUnderage' failed or was not found.",
};

/**
 * Why a completed transaction is rejected, or undefined when it is not. Upstream reports one reason
 * only: the first rule that fails, in the order below. Two of its examples fix the order at the top:
 * both lack the document number and the notUnderage check, and one reports image quality (its tamper
 * check failed: the document could be neither read nor trusted) while the other reports notUnderage
 * (its tamper check passed). The type, category, sub-category and message texts are upstream's.
 */
export function rejectionReason(document: PictureIdDocument, withSelfie: boolean): StatusReason | undefined {
  const checks = document.securityChecks;
  const unreadable = !document.documentNumber?.trim();
  const tamperCheck = checks.notTamperedDocument;
  if (unreadable && isPassFail(tamperCheck) && !tamperCheck.passed) return { ...imageQuality };
  const notUnderage = checks.notUnderage;
  // Without this check the end-user's age cannot be validated, which rejects as surely as a failure.
  if (!isPassFail(notUnderage) || !notUnderage.passed) return { ...underage };
  if (unreadable) return { ...imageQuality };
  const failed = orderedCheckNames(checks).find((name) => {
    const check = checks[name];
    return isPassFail(check) && !check.passed;
  });
  if (failed) {
    return {
      type: 'Document',
      category: 'SecurityCheckFailed',
      subCategory: failed.charAt(0).toUpperCase() + failed.slice(1),
      message: `Security check '${failed}' failed.`,
    };
  }
  return withSelfie ? similarityReason(checks.selfieAndDocumentMatch) : undefined;
}

/** Only a high similarity between the selfie and the document photo is a match. */
function similarityReason(match: Check | undefined): StatusReason | undefined {
  if (match === undefined || !('similarityLevel' in match)) {
    // Not shown upstream (no face in the selfie, for instance): reported in upstream's own terms.
    return {
      type: 'Biometrics',
      category: 'SimilarityLevel',
      message: "Security check 'selfieAndDocumentMatch' was not found.",
    };
  }
  if (match.similarityLevel === 'high') return undefined;
  return {
    type: 'Biometrics',
    category: 'SimilarityLevel',
    message: `Similarity level is '${match.similarityLevel}'.`,
  };
}

function orderedCheckNames(checks: PictureIdDocument['securityChecks']): string[] {
  const names = Object.keys(checks).filter((name) => !specialChecks.has(name));
  const known = checkOrder.filter((name) => names.includes(name));
  return [...known, ...names.filter((name) => !checkOrder.includes(name))];
}
