import { defined } from '../normalize.js';
import type { IProovSession } from './raw.js';
import type { Json } from '../../core/domain.js';

/** ReadID sends an iProov session of nulls when the account has no iProov: it only counts once it ran. */
export const iproovRan = (session: IProovSession | null | undefined): session is IProovSession =>
  session !== null &&
  session !== undefined &&
  (typeof session.passed === 'boolean' || typeof session.finished === 'boolean');

/** Whether iProov found a live person matching the chip portrait. */
export const iproovPassed = (session: IProovSession): boolean => session.passed === true;

/** providerSpecific.iproovSession, with upstream's spellings (enrollment, iProovAssuranceType). */
export function iproovSession(session: IProovSession): Json {
  return defined({
    attempts: session.attempts,
    enrollmentImageSource: session.enrolmentImageSource,
    errorString: session.errorString,
    finished: session.finished,
    hasError: session.hasError,
    passed: session.passed,
    riskProfile: session.riskProfile,
    iProovAssuranceType: session.assuranceType,
  });
}
