import { Type } from 'typebox';
import { StringEnum } from './common.js';
import { describeProviderValues, providerFields } from '../../providers/registry.js';
import { redactableFields } from './processes.js';

const ProviderBlock = Type.Intersect([
  Type.Object({
    provider: Type.String({
      maxLength: 80,
      description: `The provider, as Create process takes it: ${describeProviderValues()}`,
    }),
    processType: Type.Optional(
      Type.String({ maxLength: 40, description: 'As in Create process; depends on the provider.' }),
    ),
    redact: Type.Optional(Type.Array(StringEnum(redactableFields), { maxItems: redactableFields.length * 2 })),
    requestExtraDataFromDrivingLicense: Type.Optional(Type.Boolean()),
    documentId: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2_147_483_647,
        description: 'PictureID: a document id of its document types.',
      }),
    ),
  }),
  // Each provider's own parameters (e.g. the WebID user), as Create process takes them.
  Type.Object(providerFields((provider) => provider.processParameterFields)),
]);

export const CaptureRequestBody = Type.Object({
  providers: Type.Array(ProviderBlock, { description: 'Exactly one provider.', maxItems: 10 }),
  sdk: StringEnum(['native', 'capture'] as const, {
    description: "native: the provider's own SDK or app; capture: this server's capture steps.",
  }),
  redirectUrl: Type.String({
    maxLength: 2048,
    description: 'Where the end-user goes back to (https, or http on localhost), with dossierId, processId and status.',
  }),
  requestDomain: Type.Optional(
    Type.String({ maxLength: 260, description: 'The host name allowed to show the capture page in a frame.' }),
  ),
  eventTags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  captureParameters: Type.Optional(
    Type.Object({
      uiProfile: Type.Optional(Type.String({ maxLength: 100, description: 'A capture configuration id.' })),
      uiProfileJSON: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), { description: 'A capture configuration; overrides uiProfile.' }),
      ),
      uiLanguage: Type.Optional(Type.String({ maxLength: 10 })),
      smsSender: Type.Optional(Type.String({ maxLength: 15 })),
      smsMessage: Type.Optional(Type.String({ maxLength: 200 })),
      defaultCountry: Type.Optional(Type.String({ maxLength: 3 })),
    }),
  ),
});

export const CaptureResponse = Type.Object({
  url: Type.String({
    description: 'Send the end-user here; the link works once, for OPENASSURE_CAPTURE_LINK_MINUTES.',
  }),
});
