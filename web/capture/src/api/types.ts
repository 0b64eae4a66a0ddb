/**
 * The wire shapes of the capture API, written from the capture contract (docs/capture-app.md). The app
 * talks to the server over HTTP only and never imports the server's code, so these are declared here.
 */

export type Depiction = 'front' | 'back' | 'selfie';

/** A step of the flow: a photo, or (live video identifications) a selfie video with its still frame. */
export type Step = Depiction | 'selfieVideo';

/** What the selfie video asks the person to do; the server draws it. */
export type SelfieVideoPrompt = 'turnLeft' | 'turnRight' | 'lookUp' | 'smile' | 'blink';

export type ProcessStatus = 'pending' | 'processing' | 'accepted' | 'rejected' | 'inconclusive' | 'canceled' | 'failed';

export type HandoverMode = 'qrCode' | 'sms';

/** How a photo was taken: with a camera (live or the phone's own camera app) or chosen from the files. */
export type PhotoSource = 'camera' | 'upload';

export type HandoverStatus = 'none' | 'waiting' | 'opened' | 'finished' | 'expired';

export interface ScreenItem {
  icon?: string;
  image?: string;
  title: string;
  description: string;
}

export interface Theme {
  pageTitle: string;
  faviconUrl: string | null;
  fontName: string | null;
  fontCssUrl: string | null;
  primaryColor: string;
  fontColor: string;
  buttonsColor: string;
  buttonsHoverColor: string;
  buttonsTextColor: string;
  spinnerColor: string;
  customCssUrl: string | null;
}

export interface DeviceSwitch {
  mobile: boolean;
  desktop: boolean;
}

export interface CountryOption {
  iso3: string;
  iso2: string | null;
}

export interface DocumentOption {
  documentType: string;
  countries: CountryOption[];
}

export interface SelectedDocument {
  documentType: string;
  documentCountry: string;
}

export interface Session {
  processId: string;
  dossierId: string;
  provider: string;
  providerTitle: string;
  processType: string | null;
  flow: 'capture' | 'sandbox-provider';
  environment: 'sandbox' | 'live';
  device: 'primary' | 'handover';
  status: ProcessStatus;
  csrfToken: string;
  expiresAt: string;
  redirectUrl: string | null;
  language: string;
  languages: string[];
  translations: Record<string, Record<string, string>>;
  theme: Theme;
  screens: {
    prerequisites: { show: boolean; items: ScreenItem[] };
    consent: boolean;
    documentInstructions: { show: boolean; items: ScreenItem[] };
    accessibilityLink: boolean;
    countryBeforeDocumentType: boolean;
    modalBeforeRedirect: boolean;
  };
  capture: {
    allowFileUpload: DeviceSwitch;
    allowTakePhoto: DeviceSwitch;
    useNativeCamera: boolean;
    autoCapture: boolean;
    detectGlare: { takePhoto: boolean; uploadPhoto: boolean };
    allowZoomOnPreview: { takePhoto: boolean; uploadPhoto: boolean };
    orientationConfirmation: boolean;
    maxRetries: number;
  };
  document: {
    needed: boolean;
    selected: SelectedDocument | null;
    defaultCountry: string | null;
    options: DocumentOption[];
  };
  steps: Step[];
  images: Partial<Record<Step, { kept: boolean; attemptsUsed: number }>>;
  /** Flows with a selfie video step: the prompt (null until the step is reached) and the video kept. */
  selfieVideo: {
    prompt: SelfieVideoPrompt | null;
    video: { contentType: string; size: number; durationMs: number | null } | null;
  } | null;
  handover: {
    enabled: boolean;
    modes: HandoverMode[];
    force: boolean;
    smsDefaultCountry: string | null;
    status: HandoverStatus;
    expiresAt: string | null;
  };
  sandbox: { scenarios: { id: string; description: string }[] } | null;
}

export type ProblemCode =
  | 'unreadable'
  | 'low-resolution'
  | 'blurry'
  | 'glare'
  | 'too-dark'
  | 'mrz-not-found'
  | 'face-not-found'
  | 'several-faces';

export interface UploadResult {
  accepted: boolean;
  problems: { code: ProblemCode }[];
  attemptsLeft: number;
  session: Session;
}

export interface Redirect {
  redirectUrl: string;
}

export interface HandoverLink {
  url: string;
  qrSvg: string;
  expiresAt: string;
}

/** The Assure error body every failed request carries. */
export interface ErrorBody {
  status: number;
  type: string;
  title: string;
  detail?: string;
}
