import { Type, type TSchema } from 'typebox';
import { captureDocumentTypes, devices, handoverModes, photoFlows } from '../../capture/configuration.js';
import { StringEnum, Timestamp } from './common.js';

/**
 * The capture configuration on the wire. Requests are described with every form upstream's documents
 * use (lists also as "[a, b]" strings, booleans also as "true"/"false"); `capture/parse-configuration.ts`
 * checks them all and stores one normal form, which is what responses carry.
 */

export const CaptureConfigurationIdParams = Type.Object({
  configurationId: Type.String({
    minLength: 1,
    maxLength: 100,
    pattern: '^[^\\s\\p{Cc}\\p{Cf}/]+$',
    description: 'The id the client gives its capture configuration; Start capture flow names it as uiProfile.',
    examples: ['Configuration1'],
  }),
});

const listOrText = (item: TSchema, description: string) =>
  Type.Union([Type.Array(item), Type.String({ description: 'The list written as text, e.g. "[mobile, desktop]".' })], {
    description,
  });
const flag = (description: string) => Type.Union([Type.Boolean(), StringEnum(['true', 'false'])], { description });
const integer = (description: string) =>
  Type.Union([Type.Integer(), Type.String({ pattern: '^-?\\d+$' })], { description });
const color = (description: string) =>
  Type.String({ description: `${description} A hex code, rgb(...) or a CSS colour name.`, examples: ['#5AAFFF'] });
const country = (description: string) =>
  Type.String({ description: `${description} ISO 3166 alpha-3.`, examples: ['NOR'] });
const ScreenItem = Type.Object({
  image: Type.Optional(Type.String({ description: 'Link to an image.' })),
  icon: Type.Optional(Type.String({ description: 'A Material icon name.' })),
  title: Type.Optional(Type.String()),
  description: Type.Optional(Type.String()),
});
const screenItems = (description: string) =>
  Type.Union([Type.Array(ScreenItem), Type.Record(Type.String(), Type.Unknown())], {
    description: `${description} A list, or an object (upstream's samples send {}).`,
  });
const Translations = Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
  description: "Texts by key, per language: they replace the capture app's own texts of those keys.",
});
const VideoIdBlock = Type.Object(
  {
    checkRequirements: Type.Optional(flag('Accepted; no effect here.')),
    useModal: Type.Optional(flag('Accepted; no effect here.')),
    minRequirementsMandatory: Type.Optional(flag('Accepted; no effect here.')),
    allowedIdTypes: Type.Optional(Type.Array(Type.Integer(), { description: 'Document ids (see document types).' })),
    sdkLoadTimeout: Type.Optional(integer('Seconds. Accepted; no effect here.')),
  },
  { description: "Settings of the video identification provider's own SDK." },
);
const PictureIdBlock = Type.Object(
  {
    defaultCountry: Type.Optional(country('Country pre-selected for PictureID processes.')),
    allowFileUpload: Type.Optional(listOrText(StringEnum(devices), 'Devices that may upload (PictureID).')),
    allowTakePhoto: Type.Optional(listOrText(StringEnum(devices), 'Devices that may use the camera (PictureID).')),
    translations: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Nested once or twice.' })),
    allowedIdTypes: Type.Optional(Type.Array(Type.Integer(), { description: 'Document ids (see document types).' })),
  },
  { description: 'Settings of the picture identification provider, the only ones that apply to its processes.' },
);

const requestFields = {
  pageTitle: Type.Optional(Type.String({ description: 'Browser tab title, at most 60 characters.' })),
  favicon: Type.Optional(Type.String({ description: 'A data URI (jpeg, png, ico) or a link.' })),
  fontName: Type.Optional(Type.String({ description: 'Font family, loaded from fontUrl.' })),
  fontUrl: Type.Optional(
    Type.String({ description: 'CSS file with the @font-face rules; fetched once and served by this server.' }),
  ),
  primaryColor: Type.Optional(color('Primary colour.')),
  fontColor: Type.Optional(color('Text colour.')),
  buttonsColor: Type.Optional(color('Button colour (default: primaryColor).')),
  buttonsHoverColor: Type.Optional(color('Button hover colour (default: primaryColor).')),
  buttonsTextColor: Type.Optional(color('Button text colour.')),
  spinnerColor: Type.Optional(color('Spinner colour (default: primaryColor).')),
  documentTypes: Type.Optional(listOrText(StringEnum(captureDocumentTypes), 'Document types offered (empty: all).')),
  documentCountries: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'Per document type: "univ" (passports), or ISO alpha-3 codes (passports may add "UNIV").',
    }),
  ),
  twoSidedPassports: Type.Optional(
    Type.Union([Type.Array(Type.String()), Type.String(), Type.Null()], {
      description: 'Countries whose passports have a back to capture: a list, "all", or null.',
    }),
  ),
  languages: Type.Optional(listOrText(Type.String(), 'Languages offered (ISO 639-1; legacy cz, gb, gr, uk).')),
  translations: Type.Optional(Translations),
  defaultCountry: Type.Optional(country('Country pre-selected in the document choice.')),
  allowFileUpload: Type.Optional(listOrText(StringEnum(devices), 'Devices that may upload a photo.')),
  allowTakePhoto: Type.Optional(listOrText(StringEnum(devices), 'Devices that may use the camera.')),
  allowZoomOnPreview: Type.Optional(listOrText(StringEnum(photoFlows), 'Flows whose preview can be zoomed.')),
  useSignicatTheming: Type.Optional(flag('Accepted; no effect here (there is no Signicat theme).')),
  enableMobileHandover: Type.Optional(flag('Offer to continue on a phone.')),
  enableOrientationConfirmation: Type.Optional(flag('Ask the user to confirm an uploaded image is upright.')),
  autoCapture: Type.Optional(
    flag('Take the photo by itself when the document is sharp and steady (every document type here).'),
  ),
  detectGlare: Type.Optional(
    Type.Union([Type.Boolean(), listOrText(StringEnum(photoFlows), '')], { description: 'Flows that check glare.' }),
  ),
  customRedactionError: Type.Optional(flag('Accepted; no effect here.')),
  takeSelfie: Type.Optional(flag('Add a selfie step.')),
  smsDefaultCountry: Type.Optional(country('Phone country pre-selected for the SMS handover.')),
  maxRetries: Type.Optional(integer('Times an image the checks refuse is asked for again (0-10).')),
  showModalBeforeRedirect: Type.Optional(flag('Show a confirmation before going back.')),
  mobileHandoverTimeout: Type.Optional(
    integer("Minutes a handover link stays valid (0: the capture link's lifetime)."),
  ),
  mobileHandoverModes: Type.Optional(
    listOrText(StringEnum(handoverModes), 'Handover modes, the first is the default.'),
  ),
  forceMobileHandover: Type.Optional(flag('Desktop users must continue on a phone.')),
  useNativeCamera: Type.Optional(flag("Use the phone's camera app instead of the browser camera.")),
  customCss: Type.Optional(Type.String({ description: "CSS loaded after the app's own." })),
  onfidoConfig: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted; no effect here.' })),
  signicatvideoidConfig: Type.Optional(VideoIdBlock),
  eidConfig: Type.Optional(VideoIdBlock),
  signicatpictureidConfig: Type.Optional(PictureIdBlock),
  signicatThemingConfig: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), { description: 'Accepted; no effect here.' }),
  ),
  showConsentPage: Type.Optional(flag('Show the consent page.')),
  showAccessibilityLink: Type.Optional(flag('Show the accessibility statement link.')),
  showDocumentInstructionsScreen: Type.Optional(flag('Show instructions before the document photos.')),
  documentInstructionsScreenItems: Type.Optional(screenItems('Items of the instructions screen.')),
  showPrerequisitesScreen: Type.Optional(flag('Show what to have ready first.')),
  prerequisitesScreenItems: Type.Optional(screenItems('Items of the prerequisites screen.')),
  showCountryBeforeDocumentType: Type.Optional(flag('Ask for the country before the document type.')),
};

export const CaptureConfigurationRequest = Type.Object(requestFields, {
  description: 'A capture configuration, in any form upstream documents; unknown fields are ignored.',
});

const strings = (values: readonly string[]) => Type.Array(StringEnum(values));
const normalFields = {
  ...requestFields,
  documentTypes: Type.Optional(strings(captureDocumentTypes)),
  documentCountries: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.Literal('univ'), Type.Array(Type.String())])),
  ),
  twoSidedPassports: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Literal('all'), Type.Null()])),
  languages: Type.Optional(Type.Array(Type.String())),
  allowFileUpload: Type.Optional(strings(devices)),
  allowTakePhoto: Type.Optional(strings(devices)),
  allowZoomOnPreview: Type.Optional(strings(photoFlows)),
  detectGlare: Type.Optional(strings(photoFlows)),
  mobileHandoverModes: Type.Optional(strings(handoverModes)),
  maxRetries: Type.Optional(Type.Integer()),
  mobileHandoverTimeout: Type.Optional(Type.Integer()),
  documentInstructionsScreenItems: Type.Optional(Type.Array(ScreenItem)),
  prerequisitesScreenItems: Type.Optional(Type.Array(ScreenItem)),
  signicatpictureidConfig: Type.Optional(
    Type.Object({
      defaultCountry: Type.Optional(Type.String()),
      allowFileUpload: Type.Optional(strings(devices)),
      allowTakePhoto: Type.Optional(strings(devices)),
      translations: Type.Optional(Translations),
      allowedIdTypes: Type.Optional(Type.Array(Type.Integer())),
    }),
  ),
  ...Object.fromEntries(
    [
      'useSignicatTheming',
      'enableMobileHandover',
      'enableOrientationConfirmation',
      'autoCapture',
      'customRedactionError',
      'takeSelfie',
      'showModalBeforeRedirect',
      'forceMobileHandover',
      'useNativeCamera',
      'showConsentPage',
      'showAccessibilityLink',
      'showDocumentInstructionsScreen',
      'showPrerequisitesScreen',
      'showCountryBeforeDocumentType',
    ].map((key) => [key, Type.Optional(Type.Boolean())]),
  ),
};
const { eidConfig: _alias, ...normalWithoutAlias } = normalFields;

/** A stored configuration: only the fields the client set, in the normal form. */
export const CaptureConfigurationBody = Type.Object(normalWithoutAlias, {
  description: 'The configuration in its normal form (only the fields that were set).',
});

export const CaptureConfigurationResponse = Type.Object(
  { ...normalWithoutAlias, id: Type.String({ maxLength: 100 }), createdAt: Timestamp, updatedAt: Timestamp },
  { description: 'The configuration in its normal form, with its id and dates.' },
);

export const CaptureConfigurationList = Type.Array(
  Type.Object({ id: Type.String({ maxLength: 100 }), createdAt: Timestamp, updatedAt: Timestamp }),
);
