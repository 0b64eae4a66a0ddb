/**
 * The reasons a reviewer picks a decision from. The list is fixed so that decisions can be counted and
 * each provider can turn a code into its own upstream wording (VideoID's rejection reason types, WebID's
 * rejection text). A free-text comment goes beside the reason, never instead of it.
 */
export const acceptReasons = ['documentAndFaceMatch', 'documentVerifiedFaceMatchedByReviewer', 'other'] as const;
export const rejectReasons = [
  'documentFraudulent',
  'faceMismatch',
  'documentExpired',
  'poorQuality',
  'promptNotFollowed',
  'other',
] as const;

export type AcceptReason = (typeof acceptReasons)[number];
export type RejectReason = (typeof rejectReasons)[number];
export type ReviewVerdict = 'accept' | 'reject';

const labels: Record<AcceptReason | RejectReason, string> = {
  documentAndFaceMatch: 'The document is genuine and the face matches it.',
  documentVerifiedFaceMatchedByReviewer:
    'The document is genuine; the reviewer matched the face the engines could not.',
  documentFraudulent: 'The document looks forged or tampered with.',
  faceMismatch: 'The person in the video is not the person on the document.',
  documentExpired: 'The document has expired.',
  poorQuality: 'The images or the video are too poor to decide.',
  promptNotFollowed: 'The person did not follow the prompt in the video.',
  other: 'Another reason (see the comment).',
};

export interface ReasonEntry {
  code: string;
  label: string;
}

/** The reasons as the console lists them. */
export function reasonList(): { accept: ReasonEntry[]; reject: ReasonEntry[] } {
  return {
    accept: acceptReasons.map((code) => ({ code, label: labels[code] })),
    reject: rejectReasons.map((code) => ({ code, label: labels[code] })),
  };
}

/** The reason of a decision, checked against its verdict's list; undefined when it is not on it. */
export function reasonOf(verdict: ReviewVerdict, code: string): ReasonEntry | undefined {
  const list: readonly string[] = verdict === 'accept' ? acceptReasons : rejectReasons;
  return list.includes(code) ? { code, label: labels[code as AcceptReason | RejectReason] } : undefined;
}
