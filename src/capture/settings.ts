import type {
  CaptureConfiguration,
  CaptureDocumentType,
  DocumentCountryFilter,
  HandoverMode,
  ScreenItem,
} from './configuration.js';
import type { CaptureLanguage } from './languages.js';

/**
 * What a capture flow runs with: the client's configuration (its `uiProfile`, then `uiProfileJSON`
 * over it, then the request's own parameters) with upstream's defaults filled in. Frozen into the
 * flow when it starts, so a configuration changed later does not change a flow already under way.
 */
export interface CaptureSettings {
  pageTitle: string;
  favicon: string | null;
  fontName: string | null;
  fontUrl: string | null;
  colors: {
    primary: string;
    font: string;
    buttons: string;
    buttonsHover: string;
    buttonsText: string;
    spinner: string;
  };
  customCss: string | null;
  documentTypes: CaptureDocumentType[];
  documentCountries: Partial<Record<CaptureDocumentType, DocumentCountryFilter>>;
  twoSidedPassports: string[] | 'all';
  allowedIdTypes: number[];
  language: CaptureLanguage;
  languages: CaptureLanguage[];
  translations: Partial<Record<CaptureLanguage, Record<string, string>>>;
  defaultCountry: string | null;
  allowFileUpload: { mobile: boolean; desktop: boolean };
  allowTakePhoto: { mobile: boolean; desktop: boolean };
  allowZoomOnPreview: { takePhoto: boolean; uploadPhoto: boolean };
  detectGlare: { takePhoto: boolean; uploadPhoto: boolean };
  orientationConfirmation: boolean;
  autoCapture: boolean;
  takeSelfie: boolean;
  useNativeCamera: boolean;
  maxRetries: number;
  modalBeforeRedirect: boolean;
  handover: {
    enabled: boolean;
    modes: HandoverMode[];
    force: boolean;
    timeoutMinutes: number;
    smsDefaultCountry: string | null;
    smsSender: string;
    smsMessage: string;
  };
  screens: {
    prerequisites: { show: boolean; items: ScreenItem[] };
    consent: boolean;
    documentInstructions: { show: boolean; items: ScreenItem[] };
    accessibilityLink: boolean;
    countryBeforeDocumentType: boolean;
  };
}

/** What the request itself adds (Start capture flow's `captureParameters`). */
export interface CaptureParameters {
  uiLanguage?: CaptureLanguage;
  defaultCountry?: string;
  smsSender?: string;
  smsMessage?: string;
}

/** Upstream's documented defaults, where the configuration leaves a field out. */
const defaults = {
  pageTitle: 'Identity verification',
  fontColor: 'black',
  buttonsTextColor: 'white',
  // Upstream's default primary colour is its brand's; this one passes WCAG AA with white text.
  primaryColor: '#2F5BEA',
  defaultCountry: 'NOR',
  smsSender: 'OpenAssure',
  smsMessage: 'To continue, please click here:',
} as const;

const devices = (list: readonly string[] | undefined) =>
  list === undefined
    ? { mobile: true, desktop: true }
    : { mobile: list.includes('mobile'), desktop: list.includes('desktop') };
const flows = (list: readonly string[] | undefined, fallback: boolean) =>
  list === undefined
    ? { takePhoto: fallback, uploadPhoto: fallback }
    : { takePhoto: list.includes('takePhoto'), uploadPhoto: list.includes('uploadPhoto') };

/** The flow's settings: `base` (the uiProfile) overlaid field by field with `override` (uiProfileJSON). */
export function resolveSettings(
  base: CaptureConfiguration | undefined,
  override: CaptureConfiguration | undefined,
  parameters: CaptureParameters,
  provider: { usesPictureIdBlock: boolean },
): CaptureSettings {
  const config: CaptureConfiguration = { ...base, ...override };
  // PictureID reads its own block, and only it: upstream applies no other device or country setting to it.
  const pictureId = provider.usesPictureIdBlock ? config.signicatpictureidConfig : undefined;
  const primary = config.primaryColor ?? defaults.primaryColor;
  const languages = config.languages && config.languages.length > 0 ? config.languages : (['en'] as CaptureLanguage[]);
  const translations = { ...config.translations };
  for (const [lang, strings] of Object.entries(pictureId?.translations ?? {}) as [
    CaptureLanguage,
    Record<string, string>,
  ][]) {
    translations[lang] = { ...translations[lang], ...strings };
  }
  const language = parameters.uiLanguage ?? languages[0] ?? 'en';
  const modes: HandoverMode[] =
    config.mobileHandoverModes && config.mobileHandoverModes.length > 0
      ? config.mobileHandoverModes
      : ['sms', 'qrCode'];
  return {
    pageTitle: config.pageTitle ?? defaults.pageTitle,
    favicon: config.favicon ?? null,
    fontName: config.fontName ?? null,
    fontUrl: config.fontUrl ?? null,
    colors: {
      primary,
      font: config.fontColor ?? defaults.fontColor,
      buttons: config.buttonsColor ?? primary,
      buttonsHover: config.buttonsHoverColor ?? primary,
      buttonsText: config.buttonsTextColor ?? defaults.buttonsTextColor,
      spinner: config.spinnerColor ?? primary,
    },
    customCss: config.customCss ?? null,
    documentTypes: config.documentTypes ?? [],
    documentCountries: config.documentCountries ?? {},
    twoSidedPassports: config.twoSidedPassports ?? [],
    allowedIdTypes: pictureId?.allowedIdTypes ?? config.signicatvideoidConfig?.allowedIdTypes ?? [],
    // The initial language is offered even when the list leaves it out, so the page can show it.
    language,
    languages: languages.includes(language) ? languages : [language, ...languages],
    translations,
    defaultCountry:
      parameters.defaultCountry ?? pictureId?.defaultCountry ?? config.defaultCountry ?? defaults.defaultCountry,
    allowFileUpload: devices(pictureId?.allowFileUpload ?? config.allowFileUpload),
    allowTakePhoto: devices(pictureId?.allowTakePhoto ?? config.allowTakePhoto),
    allowZoomOnPreview: flows(config.allowZoomOnPreview, true),
    detectGlare: flows(config.detectGlare, true),
    orientationConfirmation: config.enableOrientationConfirmation ?? false,
    autoCapture: config.autoCapture ?? false,
    takeSelfie: config.takeSelfie ?? false,
    useNativeCamera: config.useNativeCamera ?? false,
    maxRetries: config.maxRetries ?? 0,
    modalBeforeRedirect: config.showModalBeforeRedirect ?? true,
    handover: {
      enabled: config.enableMobileHandover ?? true,
      modes: [...modes],
      force: config.forceMobileHandover ?? false,
      timeoutMinutes: config.mobileHandoverTimeout ?? 0,
      smsDefaultCountry: config.smsDefaultCountry ?? defaults.defaultCountry,
      smsSender: parameters.smsSender ?? defaults.smsSender,
      smsMessage: parameters.smsMessage ?? defaults.smsMessage,
    },
    screens: {
      prerequisites: { show: config.showPrerequisitesScreen ?? false, items: config.prerequisitesScreenItems ?? [] },
      consent: config.showConsentPage ?? false,
      documentInstructions: {
        show: config.showDocumentInstructionsScreen ?? false,
        items: config.documentInstructionsScreenItems ?? [],
      },
      accessibilityLink: config.showAccessibilityLink ?? false,
      countryBeforeDocumentType: config.showCountryBeforeDocumentType ?? false,
    },
  };
}
