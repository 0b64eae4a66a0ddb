/**
 * The languages the capture app has a message catalogue for (ISO 639-1), English first: it is the
 * default and the fallback for any key a configuration's translations leave out.
 */
export const captureLanguages = [
  'en',
  'nb',
  'sv',
  'da',
  'fi',
  'nl',
  'de',
  'fr',
  'es',
  'pt',
  'it',
  'pl',
  'cs',
  'el',
  'ar',
] as const;
export type CaptureLanguage = (typeof captureLanguages)[number];

/**
 * Codes upstream still accepts "for backwards compatibility": they are country codes, not language
 * codes, so each stands for the language spoken there. `uk` is the United Kingdom here (as upstream
 * lists it beside `gb`), not Ukrainian; `no` is the macrolanguage whose written standard is Bokmål.
 */
const legacyCodes: Readonly<Record<string, CaptureLanguage>> = { cz: 'cs', gb: 'en', gr: 'el', uk: 'en', no: 'nb' };

/** The catalogue language a code names, or undefined when there is no catalogue for it. */
export function toCaptureLanguage(code: string): CaptureLanguage | undefined {
  const lower = code.trim().toLowerCase();
  const mapped = legacyCodes[lower] ?? lower;
  return (captureLanguages as readonly string[]).includes(mapped) ? (mapped as CaptureLanguage) : undefined;
}
