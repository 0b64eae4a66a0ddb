import type { ProcessStatus } from '../core/process-status.js';
import { isAlpha3Country } from '../core/countries.js';
import type { CaptureConfiguration } from './configuration.js';
import { toCaptureLanguage, type CaptureLanguage } from './languages.js';
import { parseCaptureConfiguration } from './parse-configuration.js';

/** The Start capture flow request, checked beyond its schema. */
export interface CaptureFlowRequest {
  /** The one provider's block, as Create process takes it (provider, processType, redact, ...). */
  provider: CaptureProviderRequest;
  sdk: 'native' | 'capture';
  redirectUrl: string;
  requestDomain: string | undefined;
  eventTags: string[] | undefined;
  uiProfile: string | undefined;
  uiProfileJSON: CaptureConfiguration | undefined;
  uiLanguage: CaptureLanguage | undefined;
  defaultCountry: string | undefined;
  smsSender: string | undefined;
  smsMessage: string | undefined;
}

export interface CaptureProviderRequest {
  provider: string;
  processType?: string;
  redact?: string[];
  documentId?: number;
  requestExtraDataFromDrivingLicense?: boolean;
  /** Each provider's own process parameters (e.g. `webid`), checked by the route's schema. */
  [parameter: string]: unknown;
}

export interface RawCaptureRequest {
  providers: CaptureProviderRequest[];
  sdk: 'native' | 'capture';
  redirectUrl: string;
  requestDomain?: string;
  eventTags?: string[];
  captureParameters?: {
    uiProfile?: string;
    uiProfileJSON?: unknown;
    uiLanguage?: string;
    smsSender?: string;
    smsMessage?: string;
    defaultCountry?: string;
  };
}

export type CheckedCaptureRequest = { ok: true; request: CaptureFlowRequest } | { ok: false; problems: string[] };

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);
export const isLoopbackHost = (hostname: string): boolean =>
  loopbackHosts.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** Where the end-user is sent back: https, or http on this machine (for development). */
export function redirectUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return undefined;
  return 'must be an https URL (or http on localhost)';
}

// A host name, with a port when needed: it becomes the page's frame-ancestors source.
const domainPattern =
  /^(?=.{1,253}(?::|$))(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::\d{1,5})?$/i;
const smsSenderPattern = /^(?:\d{1,15}|[A-Za-z0-9]{1,11})$/;
// Upstream writes `^[A-Za-z0-9-.:s]{1,200}$`; the bare `s` can only mean whitespace, since its own
// default message has spaces.
const smsMessagePattern = /^[A-Za-z0-9\-.:\s]{1,200}$/;

/** Checks what the schema cannot: one provider, the URLs, the patterns, the inline configuration. */
export function checkCaptureRequest(raw: RawCaptureRequest): CheckedCaptureRequest {
  const problems: string[] = [];
  if (raw.providers.length !== 1) problems.push('body.providers must hold exactly one provider.');
  const redirectProblem = redirectUrlProblem(raw.redirectUrl);
  if (redirectProblem) problems.push(`body.redirectUrl ${redirectProblem}.`);
  if (raw.requestDomain !== undefined && !domainPattern.test(raw.requestDomain)) {
    problems.push('body.requestDomain must be a host name (with a port if needed), like myapp.example.com.');
  }
  const parameters = raw.captureParameters ?? {};
  let uiProfileJSON: CaptureConfiguration | undefined;
  if (parameters.uiProfileJSON !== undefined) {
    const parsed = parseCaptureConfiguration(parameters.uiProfileJSON);
    if (parsed.ok) uiProfileJSON = parsed.configuration;
    else problems.push(...parsed.problems.map((p) => p.replace(/^body/, 'body.captureParameters.uiProfileJSON')));
  }
  const uiLanguage = parameters.uiLanguage === undefined ? undefined : toCaptureLanguage(parameters.uiLanguage);
  if (parameters.uiLanguage !== undefined && !uiLanguage) {
    problems.push(
      `body.captureParameters.uiLanguage '${parameters.uiLanguage}' is not a language the capture app has.`,
    );
  }
  const defaultCountry = parameters.defaultCountry?.toUpperCase();
  if (defaultCountry !== undefined && !isAlpha3Country(defaultCountry)) {
    problems.push('body.captureParameters.defaultCountry must be an ISO 3166 alpha-3 country code.');
  }
  if (parameters.smsSender !== undefined && !smsSenderPattern.test(parameters.smsSender)) {
    problems.push('body.captureParameters.smsSender must be up to 15 digits, or 1 to 11 letters and digits.');
  }
  if (parameters.smsMessage !== undefined && !smsMessagePattern.test(parameters.smsMessage)) {
    problems.push('body.captureParameters.smsMessage must be 1 to 200 letters, digits, spaces, "-", "." or ":".');
  }
  const [provider] = raw.providers;
  if (problems.length > 0 || !provider) return { ok: false, problems };
  return {
    ok: true,
    request: {
      provider,
      sdk: raw.sdk,
      redirectUrl: raw.redirectUrl,
      requestDomain: raw.requestDomain?.toLowerCase(),
      eventTags: raw.eventTags,
      uiProfile: parameters.uiProfile,
      uiProfileJSON,
      uiLanguage,
      defaultCountry,
      smsSender: parameters.smsSender,
      smsMessage: parameters.smsMessage,
    },
  };
}

/** The integrator's redirect URL with upstream's query parameters added (its own query kept). */
export function redirectWithOutcome(
  redirectUrl: string,
  outcome: { dossierId: string; processId: string; status: ProcessStatus },
): string {
  const url = new URL(redirectUrl);
  url.searchParams.set('dossierId', outcome.dossierId);
  url.searchParams.set('processId', outcome.processId);
  url.searchParams.set('status', outcome.status);
  return url.toString();
}
