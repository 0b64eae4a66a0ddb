import { Type } from 'typebox';
import { redactEndpointFields, redactionLevels } from '../../redaction/fields.js';
import { StringEnum, Uuid } from './common.js';

// No maxLength: the route's body limit bounds the text, and an image over 4 MB is a 413 saying so.
const dataUrl = (what: string) =>
  Type.String({
    description: `${what}, as a data URL (data:image/png;base64,... or data:image/jpeg;base64,...), at most 4 MB and 5000 pixels a side.`,
  });

const redactionDocumentTypes = ['passport', 'identityCard', 'driversLicense', 'residencePermit'] as const;

export const RedactionRequest = Type.Object({
  front: Type.Optional(dataUrl('Front image to redact')),
  back: Type.Optional(dataUrl('Back image to redact')),
  dossierId: Type.Optional(Uuid),
  processId: Type.Optional(Uuid),
  documentType: StringEnum(redactionDocumentTypes),
  documentCountry: Type.String({
    minLength: 3,
    maxLength: 3,
    description: 'ISO 3166-1 alpha-3. Upstream takes only NLD; fields are located on the document itself here.',
  }),
  fieldsToRedact: Type.Array(StringEnum(redactEndpointFields), { minItems: 1, maxItems: 4 }),
  redactionLevel: Type.Optional(StringEnum(redactionLevels)),
});

export const RedactionResponse = Type.Object({
  success: Type.Boolean({ description: 'True when every requested field was found and covered.' }),
  redactedFrontImage: Type.Optional(Type.String({ description: 'The redacted front image, as a data URL.' })),
  redactedBackImage: Type.Optional(Type.String({ description: 'The redacted back image, as a data URL.' })),
  detail: Type.Optional(Type.String({ description: 'What was redacted, or which field could not be located.' })),
});
