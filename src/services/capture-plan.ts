import type { DocumentList } from '../document-types/index.js';
import type { CaptureRule, ProviderDefinition } from '../providers/types.js';

/**
 * What the capture steps of one flow take: the provider's capture rule, or, for a live video
 * identification captured here (`CaptureRule.live`), the document's sides and a selfie video instead
 * of the provider's own app.
 */
export interface CapturePlan {
  document: CaptureRule['document'];
  selfie: 'required' | 'optional' | 'never';
  selfieVideo: boolean;
  documents: DocumentList | undefined;
}

/** Whether a live client's process of this type is captured here with a selfie video. */
export const isLiveVideoCapture = (rule: CaptureRule, processType: string | null): boolean =>
  rule.live?.processTypes.includes(processType ?? '') === true;

export function capturePlan(
  definition: ProviderDefinition,
  rule: CaptureRule,
  flowKind: 'app' | 'provider',
  processType: string | null,
): CapturePlan {
  // Sandbox flows of these providers are `provider` flows (the provider page): only app flows change.
  if (flowKind === 'app' && rule.live && isLiveVideoCapture(rule, processType)) {
    return {
      document: 'typeAndCountry',
      selfie: 'never',
      selfieVideo: true,
      documents: definition.documents ?? rule.live.documents,
    };
  }
  return {
    document: rule.document,
    selfie: rule.selfie(processType),
    selfieVideo: false,
    documents: definition.documents,
  };
}
