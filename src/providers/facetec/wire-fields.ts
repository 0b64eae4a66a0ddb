import { Type } from 'typebox';
import { sdkFields } from '../sdk-fields.js';

/** Create-process fields: what the end-user's app needs to start the FaceTec SDK. */
export const faceTecCreateFields = {
  authorization: sdkFields.authorization,
  facetecDeviceKeyIdentifier: Type.Optional(Type.String()),
  facetecEncryptionPublicKey: Type.Optional(Type.String()),
  facetecMobileSdkProductionKey: Type.Optional(Type.String()),
};

/** Start verification fields: the enrollment the FaceTec SDK produced on the end-user's device. */
export const faceTecStartFields = {
  facetecEnrollment: Type.Optional(
    Type.Object({
      faceScan: Type.Optional(Type.String({ maxLength: 2_000_000 })),
      auditTrailImage: Type.Optional(Type.String({ maxLength: 6_000_000 })),
      lowQualityAuditTrailImage: Type.Optional(Type.String({ maxLength: 6_000_000 })),
      userAgent: Type.Optional(Type.String({ maxLength: 1024 })),
    }),
  ),
};
