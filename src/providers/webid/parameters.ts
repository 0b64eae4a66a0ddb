import { Type } from 'typebox';

const shortText = (maxLength = 256) => Type.Optional(Type.String({ maxLength }));
const url = Type.Optional(Type.String({ maxLength: 2048 }));

/** The `processParameters.webid` of a WebID process: the end-user and document WebID identifies. */
const WebIdParameters = Type.Object({
  preferredLanguage: shortText(16),
  hasProvidedConsent: Type.Optional(Type.Boolean()),
  user: Type.Object({
    title: shortText(),
    gender: Type.Optional(Type.Unsafe<'M' | 'F'>({ type: 'string', enum: ['M', 'F'] })),
    firstName: Type.String({ maxLength: 256 }),
    lastName: Type.String({ maxLength: 256 }),
    dateOfBirth: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
    address: Type.Optional(
      Type.Object({
        street: shortText(), streetNumber: shortText(), addressLine1: shortText(), addressLine2: shortText(),
        region: shortText(), zip: shortText(), city: shortText(), country: shortText(3),
      }), // prettier-ignore
    ),
    contact: Type.Object({
      email: Type.String({ maxLength: 254 }),
      cell: shortText(32),
      mobile: shortText(32),
      phone: shortText(32),
    }),
  }),
  idDocument: Type.Object({
    nationality: Type.String({ maxLength: 3 }),
    authority: shortText(), dateOfExpiry: shortText(10), dateOfIssue: shortText(10), documentType: shortText(),
    idNumber: shortText(), mrz: shortText(), nameAtBirth: shortText(), placeOfBirth: shortText(),
  }), // prettier-ignore
  userActionParameters: Type.Object({
    redirectUrl: Type.String({ maxLength: 2048 }),
    redirectDeclineUrl: Type.String({ maxLength: 2048 }),
    redirectMismatchUrl: Type.String({ maxLength: 2048 }),
    redirectCancelUrl: Type.String({ maxLength: 2048 }),
    redirectSkipQesUrl: url,
    redirectTime: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
    clientName: Type.String({ maxLength: 256 }),
    productType: Type.String({ maxLength: 256 }),
  }),
  file: Type.Optional(Type.Object({}, { additionalProperties: true })),
});

export const webIdParameterFields = { webid: Type.Optional(WebIdParameters) };
