import type { Outcome } from '../core/domain.js';

/** What a mapping may know besides the raw result. Passed in, so that mappings stay pure. */
export interface MappingContext {
  processType: string | null;
  /** Today's date (YYYY-MM-DD), for rules about expiry and age. */
  today: string;
}

/** The outcome of a raw result that is not what the provider sends: the process fails, saying why. */
export function invalidProviderResult(message: string): Outcome {
  return { status: 'failed', failReason: { type: 'InvalidProviderResult', message } };
}
