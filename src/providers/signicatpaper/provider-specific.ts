import { defined } from '../normalize.js';
import type { PaperDocumentResult } from './raw.js';
import type { Json } from '../../core/domain.js';

/**
 * Paper's sections as Assure shows them: camel-case names, values unchanged. Two vendor spellings
 * survive upstream's renaming and are part of the wire format (both are properties of upstream's
 * schemas): dotted names such as `qrcode.personal_number`, and `driving_permits` in mrzFeatureMatching
 * (while featuresVerification says `drivingPermits`).
 */
export function providerSpecificOf(result: PaperDocumentResult): Json {
  const redaction = result.redaction_result;
  return defined({
    // Upstream writes the verification status as the string "true" or "false" in every example.
    verification: { type: result.verification.type, status: String(result.verification.status) },
    features: renamed(result.features),
    mrz: renamed(result.mrz),
    mrzChecksum: renamed(result.mrz_checksum),
    mrzVerification: renamed(result.mrz_verification),
    mrzFeatureMatching: renamed(result.mrz_feature_matching, new Set(['driving_permits'])),
    featuresVerification: renamed(result.features_verification),
    errors: result.errors,
    redactionResult: redaction && {
      isPartialRedaction: redaction.is_partial_redaction,
      isFullRedaction: redaction.is_full_redaction,
    },
  });
}

function renamed(
  fields: Record<string, string> | undefined,
  keptAsIs: ReadonlySet<string> = new Set(),
): Record<string, string> | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([name, value]) => [assureName(name, keptAsIs), value]));
}

function assureName(vendorName: string, keptAsIs: ReadonlySet<string>): string {
  if (keptAsIs.has(vendorName) || vendorName.includes('.')) return vendorName;
  return vendorName.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
