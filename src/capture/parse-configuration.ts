import { handoverModes, type CaptureConfiguration, type PictureIdConfig, type VideoIdConfig } from './configuration.js';
import {
  color,
  country,
  detectGlare,
  deviceList,
  documentCountries,
  documentTypeList,
  favicon,
  idTypes,
  language,
  photoFlowList,
  screenItems,
  translations,
  twoSidedPassports,
} from './configuration-fields.js';
import {
  flag,
  integer,
  isPlainObject,
  jsonObject,
  list,
  oneOf,
  text,
  webUrl,
  type FieldParser,
} from './field-parsers.js';

export type ParsedConfiguration = { ok: true; configuration: CaptureConfiguration } | { ok: false; problems: string[] };

type FieldParsers<T> = { [K in keyof T]-?: FieldParser<Exclude<T[K], undefined>> };

const videoIdParsers: FieldParsers<VideoIdConfig> = {
  checkRequirements: flag,
  useModal: flag,
  minRequirementsMandatory: flag,
  allowedIdTypes: idTypes,
  sdkLoadTimeout: integer(1, 600),
};

const pictureIdParsers: FieldParsers<PictureIdConfig> = {
  defaultCountry: country,
  allowFileUpload: deviceList,
  allowTakePhoto: deviceList,
  // The schema nests PictureID's translations twice ({translations: {translations: {en: ...}}}), its
  // own documentation once ({translations: {en: ...}}); both are read, the second form is stored.
  translations: (value, path, problems) =>
    translations(
      isPlainObject(value) && isPlainObject(value.translations) ? value.translations : value,
      path,
      problems,
    ),
  allowedIdTypes: idTypes,
};

const block =
  <T extends object>(parsers: FieldParsers<T>): FieldParser<T> =>
  (value, path, problems) => {
    if (!isPlainObject(value)) return void problems.add(path, 'must be an object');
    return parseFields(value, parsers, path, problems);
  };

const parsers: FieldParsers<CaptureConfiguration> = {
  pageTitle: text(60),
  favicon,
  fontName: text(100),
  fontUrl: webUrl,
  primaryColor: color,
  fontColor: color,
  buttonsColor: color,
  buttonsHoverColor: color,
  buttonsTextColor: color,
  spinnerColor: color,
  documentTypes: documentTypeList,
  documentCountries,
  twoSidedPassports,
  languages: list(language, 50),
  translations,
  defaultCountry: country,
  allowFileUpload: deviceList,
  allowTakePhoto: deviceList,
  allowZoomOnPreview: photoFlowList,
  useSignicatTheming: flag,
  enableMobileHandover: flag,
  enableOrientationConfirmation: flag,
  autoCapture: flag,
  detectGlare,
  customRedactionError: flag,
  takeSelfie: flag,
  smsDefaultCountry: country,
  maxRetries: integer(0, 10),
  showModalBeforeRedirect: flag,
  mobileHandoverTimeout: integer(0, 1440),
  mobileHandoverModes: list(oneOf(handoverModes)),
  forceMobileHandover: flag,
  useNativeCamera: flag,
  customCss: text(64 * 1024),
  onfidoConfig: jsonObject(64 * 1024),
  signicatvideoidConfig: block<VideoIdConfig>(videoIdParsers),
  signicatpictureidConfig: block<PictureIdConfig>(pictureIdParsers),
  signicatThemingConfig: jsonObject(64 * 1024),
  showConsentPage: flag,
  showAccessibilityLink: flag,
  showDocumentInstructionsScreen: flag,
  documentInstructionsScreenItems: screenItems,
  showPrerequisitesScreen: flag,
  prerequisitesScreenItems: screenItems,
  showCountryBeforeDocumentType: flag,
};

/** Fields whose value may be explicitly null (meaning: set, to nothing). */
const nullable = new Set<string>(['twoSidedPassports']);

function parseFields<T extends object>(
  input: Record<string, unknown>,
  fieldParsers: FieldParsers<T>,
  prefix: string,
  problems: { add(path: string, message: string): void },
): T {
  const result: Record<string, unknown> = {};
  for (const [key, parse] of Object.entries(fieldParsers) as [string, FieldParser<unknown>][]) {
    const value = input[key];
    // Absent, null and "" all mean "not set" (upstream's samples send "" for an unset favicon),
    // except where null is a value of its own.
    if (value === undefined || value === '' || (value === null && !nullable.has(key))) continue;
    const parsed = value === null ? null : parse(value, `${prefix}.${key}`, problems);
    if (parsed !== undefined) result[key] = parsed;
  }
  return result as T;
}

/**
 * Reads a capture configuration as a client sent it into the normal form, or lists every problem.
 * Unknown fields are ignored, as upstream's open schema allows. `eidConfig` (the name upstream's
 * reference text uses) is read as `signicatvideoidConfig` (the name its schema uses).
 */
export function parseCaptureConfiguration(input: unknown): ParsedConfiguration {
  const found: string[] = [];
  const problems = { add: (path: string, message: string) => void found.push(`${path} ${message}.`) };
  if (!isPlainObject(input)) return { ok: false, problems: ['body must be a JSON object.'] };
  const body = { ...input };
  if (body.eidConfig !== undefined) {
    if (body.signicatvideoidConfig !== undefined) {
      problems.add('body.eidConfig', 'and body.signicatvideoidConfig are the same block: send only one');
    }
    body.signicatvideoidConfig = body.eidConfig;
  }
  const configuration = parseFields<CaptureConfiguration>(body, parsers, 'body', problems);
  return found.length > 0 ? { ok: false, problems: found } : { ok: true, configuration };
}
