import type { CaptureDocumentType } from './configuration.js';
import type { CaptureSettings } from './settings.js';

/** A document the provider accepts, as the document-types catalogue lists it. */
export interface AcceptedDocument {
  id: number;
  type: string;
  /** ISO 3166 alpha-3. */
  country: string;
}

export interface CountryOption {
  iso3: string;
  /** For the browser's own country names (Intl.DisplayNames); null for `UNIV` ("other countries"). */
  iso2: string | null;
}

export interface DocumentOption {
  documentType: string;
  countries: CountryOption[];
}

/** The pseudo-country of Signicat Paper passports read from the MRZ alone ("other countries"). */
export const anyIcaoPassport = 'UNIV';

/**
 * The documents the end-user may choose from: the provider's accepted documents, narrowed by the
 * configuration's `documentTypes`, `documentCountries` and (VideoID, PictureID) `allowedIdTypes`.
 * A filter naming only documents the provider does not take leaves that type out rather than
 * offering a choice the verification would refuse.
 */
export function documentOptions(
  accepted: readonly AcceptedDocument[],
  settings: Pick<CaptureSettings, 'documentTypes' | 'documentCountries' | 'allowedIdTypes'>,
  alpha2Of: (alpha3: string) => string | undefined,
): DocumentOption[] {
  const byType = new Map<string, CountryOption[]>();
  for (const document of accepted) {
    if (settings.documentTypes.length > 0 && !settings.documentTypes.includes(document.type as CaptureDocumentType)) {
      continue;
    }
    if (settings.allowedIdTypes.length > 0 && !settings.allowedIdTypes.includes(document.id)) continue;
    const filter = settings.documentCountries[document.type as CaptureDocumentType];
    if (Array.isArray(filter) && !filter.includes(document.country)) continue;
    const countries = byType.get(document.type) ?? [];
    if (!countries.some((c) => c.iso3 === document.country)) {
      countries.push({ iso3: document.country, iso2: alpha2Of(document.country) ?? null });
    }
    byType.set(document.type, countries);
  }
  const passportFilter = settings.documentCountries.passport;
  if (Array.isArray(passportFilter) && passportFilter.includes(anyIcaoPassport) && byType.has('passport')) {
    byType.get('passport')!.push({ iso3: anyIcaoPassport, iso2: null });
  }
  const options = [...byType].map(([documentType, countries]) => ({ documentType, countries }));
  // A configuration that lists types lists them in the order it wants them offered.
  const rank = (type: string) => settings.documentTypes.indexOf(type as CaptureDocumentType);
  return settings.documentTypes.length > 0
    ? options.sort((a, b) => rank(a.documentType) - rank(b.documentType))
    : options;
}

/** Document types whose back carries data to capture; a passport's data is all on its photo page. */
const oneSided = new Set(['passport']);

/**
 * What a process needs captured: whether it reads a document, and whether a selfie is `required` (the
 * process type compares faces), `optional` (taken when the configuration's `takeSelfie` asks) or
 * `never` (the provider takes no selfie).
 */
export interface CaptureNeeds {
  document: boolean;
  selfie: 'required' | 'optional' | 'never';
  /** A selfie video with a prompt (live video identifications), after the document. */
  selfieVideo?: boolean;
}

/**
 * The images the flow asks for, in order, once a document is chosen: its front, its back when it has
 * one (passports only for the countries in `twoSidedPassports`), and a selfie when the process type
 * needs one or the configuration asks for one the provider can take.
 */
export function captureSteps(
  choice: { documentType: string; documentCountry: string } | null,
  settings: Pick<CaptureSettings, 'twoSidedPassports' | 'takeSelfie'>,
  needs: CaptureNeeds,
): ('front' | 'back' | 'selfie' | 'selfieVideo')[] {
  const steps: ('front' | 'back' | 'selfie' | 'selfieVideo')[] = [];
  if (needs.document) {
    if (!choice) return [];
    steps.push('front');
    const { twoSidedPassports } = settings;
    const passportBack =
      twoSidedPassports === 'all' ||
      (Array.isArray(twoSidedPassports) && twoSidedPassports.includes(choice.documentCountry));
    if (!oneSided.has(choice.documentType) || passportBack) steps.push('back');
  }
  if (needs.selfie === 'required' || (needs.selfie === 'optional' && settings.takeSelfie)) steps.push('selfie');
  if (needs.selfieVideo) steps.push('selfieVideo');
  return steps;
}
