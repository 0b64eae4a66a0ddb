import type { Json } from '../core/domain.js';

/**
 * When a pending process is given up, and the failReason it gets, per provider. PictureID documents its
 * own rule: 15 minutes after the first image, "Transaction time expired.". The others expire after the
 * configured pending time, with a reason in the provider's own failReason style.
 */
export interface ExpiryRule {
  /** Minutes after the first image; when absent, the configured pending time after creation. */
  afterFirstImageMinutes?: number;
  failReason: Json;
}

const abandoned = 'The process was not completed before it expired.';

export const expiryRules: Record<string, ExpiryRule> = {
  signicatpictureid: { afterFirstImageMinutes: 15, failReason: { detail: 'Transaction time expired.' } },
  onfido: { failReason: { type: 'expired', message: abandoned } },
  eid: { failReason: { type: 'InactiveUser.Aborted', message: abandoned } },
  signicatvideoid: { failReason: { type: 'InactiveUser.Aborted', message: abandoned } },
  readid: { failReason: { type: 'SessionExpired', message: abandoned } },
  signicatpaper: { failReason: { type: 'SessionExpired', message: abandoned } },
  facetec: { failReason: { type: 'SessionExpired', message: abandoned } },
  webid: { failReason: { type: 'expired', message: abandoned } },
  connect: { failReason: { error: 'expired', errorDescription: abandoned } },
};

export function expiryRuleOf(providerName: string): ExpiryRule {
  return expiryRules[providerName] ?? { failReason: { type: 'expired', message: abandoned } };
}
