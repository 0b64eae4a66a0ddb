import type { CountryOption, DocumentOption } from './document-options.js';
import type { SelfieVideoPrompt, SelfieVideoState } from './selfie-video.js';
import type { CaptureSettings } from './settings.js';

/** A step of the flow. `selfieVideo` keeps two things: the video and its still frame (the `selfie` image). */
export type Step = 'front' | 'back' | 'selfie' | 'selfieVideo';

/**
 * What the capture app renders from: the one object `GET /assure/capture/api/session` answers (see
 * docs/capture.md for every field). Built from the flow's frozen settings and the process as it is now.
 */
export interface SessionView {
  processId: string;
  dossierId: string;
  provider: string;
  providerTitle: string;
  processType: string | null;
  flow: 'capture' | 'sandbox-provider';
  environment: 'sandbox' | 'live';
  device: 'primary' | 'handover';
  status: string;
  csrfToken: string;
  expiresAt: string;
  redirectUrl: string | null;
  language: string;
  languages: string[];
  translations: Record<string, Record<string, string>>;
  theme: {
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
  };
  screens: {
    prerequisites: CaptureSettings['screens']['prerequisites'];
    consent: boolean;
    documentInstructions: CaptureSettings['screens']['documentInstructions'];
    accessibilityLink: boolean;
    countryBeforeDocumentType: boolean;
    modalBeforeRedirect: boolean;
  };
  capture: {
    allowFileUpload: CaptureSettings['allowFileUpload'];
    allowTakePhoto: CaptureSettings['allowTakePhoto'];
    useNativeCamera: boolean;
    autoCapture: boolean;
    detectGlare: CaptureSettings['detectGlare'];
    allowZoomOnPreview: CaptureSettings['allowZoomOnPreview'];
    orientationConfirmation: boolean;
    maxRetries: number;
  };
  document: {
    needed: boolean;
    selected: { documentType: string; documentCountry: string } | null;
    defaultCountry: string | null;
    options: { documentType: string; countries: CountryOption[] }[];
  };
  steps: Step[];
  images: Partial<Record<Step, { kept: boolean; attemptsUsed: number }>>;
  /**
   * The selfie video step, in flows that have one: the prompt (null until the end-user reaches the
   * step) and the video kept (null until one is).
   */
  selfieVideo: {
    prompt: SelfieVideoPrompt | null;
    video: { contentType: string; size: number; durationMs: number | null } | null;
  } | null;
  handover: {
    enabled: boolean;
    modes: CaptureSettings['handover']['modes'];
    force: boolean;
    smsDefaultCountry: string | null;
    status: 'none' | 'waiting' | 'opened' | 'finished' | 'expired';
    expiresAt: string | null;
  };
  sandbox: { scenarios: { id: string; description: string }[] } | null;
}

export interface SessionFacts {
  processId: string;
  dossierId: string;
  provider: { value: string; title: string };
  processType: string | null;
  status: string;
  kind: 'app' | 'provider';
  environment: 'sandbox' | 'live';
  device: 'primary' | 'handover';
  csrfToken: string;
  expiresAt: string;
  redirectUrl: string | null;
  settings: CaptureSettings;
  documentNeeded: boolean;
  selected: { documentType: string; documentCountry: string } | null;
  options: DocumentOption[];
  steps: Step[];
  kept: ReadonlySet<string>;
  attempts: Partial<Record<string, number>>;
  /** Whether the flow has a selfie video step, and where it stands. */
  selfieVideo: { state: SelfieVideoState | null } | null;
  handover: { status: SessionView['handover']['status']; expiresAt: string | null };
  scenarios: { id: string; description: string }[] | null;
}

const themePath = '/assure/capture/api/theme';

export function sessionView(facts: SessionFacts): SessionView {
  const { settings } = facts;
  const images: SessionView['images'] = {};
  for (const step of facts.steps) {
    images[step] =
      step === 'selfieVideo'
        ? // The still frame is uploaded as a selfie and checked like one: its tries are the selfie's.
          { kept: facts.kept.has('selfie') && facts.kept.has('video'), attemptsUsed: facts.attempts.selfie ?? 0 }
        : { kept: facts.kept.has(step), attemptsUsed: facts.attempts[step] ?? 0 };
  }
  const state = facts.selfieVideo?.state ?? null;
  const video = facts.kept.has('video') ? (state?.video ?? null) : null;
  return {
    processId: facts.processId,
    dossierId: facts.dossierId,
    provider: facts.provider.value,
    providerTitle: facts.provider.title,
    processType: facts.processType,
    flow: facts.kind === 'app' ? 'capture' : 'sandbox-provider',
    environment: facts.environment,
    device: facts.device,
    status: facts.status,
    csrfToken: facts.csrfToken,
    expiresAt: facts.expiresAt,
    redirectUrl: facts.redirectUrl,
    language: settings.language,
    languages: settings.languages,
    translations: settings.translations,
    theme: {
      pageTitle: settings.pageTitle,
      faviconUrl: settings.favicon === null ? null : `${themePath}/favicon`,
      fontName: settings.fontName,
      fontCssUrl: settings.fontUrl === null ? null : `${themePath}/font.css`,
      primaryColor: settings.colors.primary,
      fontColor: settings.colors.font,
      buttonsColor: settings.colors.buttons,
      buttonsHoverColor: settings.colors.buttonsHover,
      buttonsTextColor: settings.colors.buttonsText,
      spinnerColor: settings.colors.spinner,
      customCssUrl: settings.customCss === null ? null : `${themePath}/custom.css`,
    },
    screens: {
      ...settings.screens,
      modalBeforeRedirect: settings.modalBeforeRedirect,
    },
    capture: {
      allowFileUpload: settings.allowFileUpload,
      allowTakePhoto: settings.allowTakePhoto,
      useNativeCamera: settings.useNativeCamera,
      autoCapture: settings.autoCapture,
      detectGlare: settings.detectGlare,
      allowZoomOnPreview: settings.allowZoomOnPreview,
      orientationConfirmation: settings.orientationConfirmation,
      maxRetries: settings.maxRetries,
    },
    document: {
      needed: facts.documentNeeded,
      selected: facts.selected,
      defaultCountry: settings.defaultCountry,
      options: facts.options,
    },
    steps: facts.steps,
    images,
    selfieVideo: facts.selfieVideo
      ? {
          prompt: state?.prompt ?? null,
          video: video && { contentType: video.contentType, size: video.size, durationMs: video.durationMs },
        }
      : null,
    handover: {
      enabled: settings.handover.enabled && facts.kind === 'app',
      modes: settings.handover.modes,
      force: settings.handover.force && facts.kind === 'app',
      smsDefaultCountry: settings.handover.smsDefaultCountry,
      status: facts.handover.status,
      expiresAt: facts.handover.expiresAt,
    },
    sandbox: facts.scenarios === null ? null : { scenarios: facts.scenarios },
  };
}
