/**
 * The chip report: every check with its verdict and the reason for it. It is the raw result of a
 * live ReadID process (session.json in the download) and what `openassure chip verify` prints.
 *
 * Verdicts follow JMRTD's: SUCCEEDED and FAILED are proven; NOT_CHECKED means it could have been
 * checked and was not (no CRL, no challenge answered); NOT_PRESENT means the input to check was not
 * there; NOT_AVAILABLE means the document cannot give it (no DG15, no issue date).
 */
export type Verdict = 'SUCCEEDED' | 'FAILED' | 'NOT_CHECKED' | 'NOT_PRESENT' | 'NOT_AVAILABLE';

export type CheckId =
  | 'sod'
  | 'sodSignature'
  | 'dataGroupHashes'
  | 'documentSigner'
  | 'documentSignerValidity'
  | 'documentSignerRevocation'
  | 'documentSignerCountry'
  | 'chain'
  | 'dg1Mrz'
  | 'dg1PrintedMrz'
  | 'dg2Face'
  | 'activeAuthentication'
  | 'chipAuthentication';

export interface Check {
  id: CheckId;
  verdict: Verdict;
  reason: string;
}

export interface DataGroupCheck {
  dataGroup: number;
  verdict: Verdict;
  reason: string;
}

export const check = (id: CheckId, verdict: Verdict, reason: string): Check => ({ id, verdict, reason });

/** No check in the list failed, and the named ones succeeded. */
export function allPassed(checks: readonly Check[], required: readonly CheckId[]): boolean {
  return (
    checks.every((c) => c.verdict !== 'FAILED') &&
    required.every((id) => checks.some((c) => c.id === id && c.verdict === 'SUCCEEDED'))
  );
}
