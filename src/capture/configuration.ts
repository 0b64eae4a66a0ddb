import { upstreamDocumentTypes } from '../core/document-types.js';
import type { CaptureLanguage } from './languages.js';

/** Upstream's `documentTypes` enum: what a capture configuration may filter the document list by. */
export const captureDocumentTypes = upstreamDocumentTypes;
export type CaptureDocumentType = (typeof captureDocumentTypes)[number];

export const devices = ['mobile', 'desktop'] as const;
export type Device = (typeof devices)[number];
export const photoFlows = ['uploadPhoto', 'takePhoto'] as const;
export type PhotoFlow = (typeof photoFlows)[number];
export const handoverModes = ['sms', 'qrCode'] as const;
export type HandoverMode = (typeof handoverModes)[number];

/**
 * Countries offered for one document type: `univ` (passports only: every country), or a list of ISO
 * 3166 alpha-3 codes that may include `UNIV` (Signicat Paper passports: "other countries", MRZ only).
 */
export type DocumentCountryFilter = 'univ' | string[];

export interface ScreenItem {
  image?: string;
  icon?: string;
  title?: string;
  description?: string;
}

export interface VideoIdConfig {
  checkRequirements?: boolean;
  useModal?: boolean;
  minRequirementsMandatory?: boolean;
  allowedIdTypes?: number[];
  sdkLoadTimeout?: number;
}

export interface PictureIdConfig {
  defaultCountry?: string;
  allowFileUpload?: Device[];
  allowTakePhoto?: Device[];
  translations?: Record<string, Record<string, string>>;
  allowedIdTypes?: number[];
}

/**
 * A capture configuration in its one normal form: what is stored and what Get answers. Only the
 * fields the client set are present; the capture flow applies upstream's defaults to the rest
 * (see session defaults). Lists are arrays, booleans are booleans, language codes are the catalogue's
 * (`cz` is stored as `cs`), `detectGlare` is always a list, the VideoID block is
 * `signicatvideoidConfig` whichever of its two names the client used.
 */
export interface CaptureConfiguration {
  pageTitle?: string;
  favicon?: string;
  fontName?: string;
  fontUrl?: string;
  primaryColor?: string;
  fontColor?: string;
  buttonsColor?: string;
  buttonsHoverColor?: string;
  buttonsTextColor?: string;
  spinnerColor?: string;
  documentTypes?: CaptureDocumentType[];
  documentCountries?: Partial<Record<CaptureDocumentType, DocumentCountryFilter>>;
  twoSidedPassports?: string[] | 'all' | null;
  languages?: CaptureLanguage[];
  translations?: Partial<Record<CaptureLanguage, Record<string, string>>>;
  defaultCountry?: string;
  allowFileUpload?: Device[];
  allowTakePhoto?: Device[];
  allowZoomOnPreview?: PhotoFlow[];
  useSignicatTheming?: boolean;
  enableMobileHandover?: boolean;
  enableOrientationConfirmation?: boolean;
  autoCapture?: boolean;
  detectGlare?: PhotoFlow[];
  customRedactionError?: boolean;
  takeSelfie?: boolean;
  smsDefaultCountry?: string;
  maxRetries?: number;
  showModalBeforeRedirect?: boolean;
  mobileHandoverTimeout?: number;
  mobileHandoverModes?: HandoverMode[];
  forceMobileHandover?: boolean;
  useNativeCamera?: boolean;
  customCss?: string;
  onfidoConfig?: Record<string, unknown>;
  signicatvideoidConfig?: VideoIdConfig;
  signicatpictureidConfig?: PictureIdConfig;
  signicatThemingConfig?: Record<string, unknown>;
  showConsentPage?: boolean;
  showAccessibilityLink?: boolean;
  showDocumentInstructionsScreen?: boolean;
  documentInstructionsScreenItems?: ScreenItem[];
  showPrerequisitesScreen?: boolean;
  prerequisitesScreenItems?: ScreenItem[];
  showCountryBeforeDocumentType?: boolean;
}
