/** A final status a verification can end in. */
export type FinalStatus = 'accepted' | 'rejected' | 'inconclusive' | 'canceled' | 'failed';

export type Json = Record<string, unknown>;

/** Why a process was rejected or inconclusive (upstream's statusReasons, PictureID). */
export interface StatusReason {
  type: string;
  category: string;
  subCategory?: string;
  message: string;
}

/**
 * What a provider's raw result means, in Assure's terms. `mapResult` functions produce it; the
 * verification job stores it with the raw result beside it.
 */
export interface Outcome {
  status: FinalStatus;
  providerSpecific?: Json;
  finalResult?: Json;
  statusReasons?: StatusReason[];
  failReason?: Json;
}

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
