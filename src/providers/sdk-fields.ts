import { Type } from 'typebox';

/** Create-process fields of providers whose capture runs in their SDK: what the SDK is started with. */
export const sdkFields = {
  authorization: Type.Optional(Type.String({ description: "Token for the provider's SDK." })),
  providerApiUrl: Type.Optional(Type.String({ description: "URL the provider's SDK talks to." })),
};
