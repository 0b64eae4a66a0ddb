import { Type } from 'typebox';
import { upstreamDocumentTypes } from '../../core/document-types.js';
import { processStatuses } from '../../core/process-status.js';
import { processListOrders } from '../../services/process-list.js';
import { Dossier } from './dossiers.js';
import { StringEnum, Timestamp, Uuid } from './common.js';
import { depictions } from '../../core/domain.js';
import { acceptedProviderValues, describeProviderValues, providerFields } from '../../providers/registry.js';

const documentTypes = upstreamDocumentTypes;

export const redactableFields = [
  'firstName', 'lastName', 'fullName', 'gender', 'address', 'personalIdentificationNumber', 'documentNumber', 'date',
  'dateOfBirth', 'dateOfIssue', 'dateOfExpiry', 'photo', 'signature', 'accessNumber', 'drivingPermits',
  'issuingAuthority', 'mrz', 'barcode',
] as const; // prettier-ignore

const redactionLevels = ['standard', 'medium', 'high', 'veryHigh'] as const;

const shortText = (maxLength = 256) => Type.Optional(Type.String({ maxLength }));

const ProcessParameters = Type.Object({
  referrer: shortText(2048),
  mobileAppId: shortText(),
  location: Type.Optional(
    Type.Object({
      ipAddress: shortText(64),
      countryOfResidence: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    }),
  ),
  consents: Type.Optional(Type.Object({ privacy: Type.Optional(Type.Boolean()) })),
  requestExtraDataFromDrivingLicense: Type.Optional(Type.Boolean()),
  ...providerFields((provider) => provider.processParameterFields),
});

export const ProcessRequest = Type.Object({
  provider: Type.String({
    maxLength: 80,
    description: describeProviderValues(),
    examples: acceptedProviderValues().slice(0, 1),
  }),
  processType: Type.Optional(Type.String({ maxLength: 40, description: 'Depends on the provider.' })),
  documentType: Type.Optional(StringEnum(documentTypes)),
  documentCountry: Type.Optional(
    Type.String({ pattern: '^([A-Z]{2,3}|UNIV)$', description: 'ISO 3166-1 alpha-2 or alpha-3, or UNIV.' }),
  ),
  documentId: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })),
  redact: Type.Optional(Type.Array(StringEnum(redactableFields), { maxItems: redactableFields.length * 2 })),
  redactionLevel: Type.Optional(StringEnum(redactionLevels)),
  processParameters: Type.Optional(ProcessParameters),
  eventTags: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  notificationUrl: Type.Optional(
    Type.String({
      maxLength: 2048,
      pattern: '^https?://',
      description: 'Legacy: receives a POST on every status change.',
    }),
  ),
  authorizationHeader: Type.Optional(
    Type.String({ maxLength: 4096, description: 'Legacy: sent as the Authorization header of those POSTs.' }),
  ),
});

const Status = StringEnum(processStatuses);
const Json = Type.Object({}, { additionalProperties: true });

export const ProcessResponse = Type.Object({
  processId: Uuid,
  provider: Type.String(),
  processType: Type.Optional(Type.String()),
  status: Status,
  ...providerFields((provider) => provider.createResponseFields),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const Process = Type.Object({
  processId: Uuid,
  provider: Type.String(),
  processType: Type.Optional(Type.String()),
  status: Status,
  failReason: Type.Optional(Json),
  depictions: Type.Optional(Type.Array(StringEnum(depictions))),
  finalResult: Type.Optional(Json),
  providerSpecific: Type.Optional(Json),
  redactionRequested: Type.Optional(Type.Boolean()),
  statusReasons: Type.Optional(Type.Array(Json)),
  notificationUrl: Type.Optional(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const VerifyRequest = Type.Object({
  ...providerFields((provider) => provider.startFields),
  imageDepiction: Type.Optional(StringEnum(['selfie', 'front'] as const)),
  rAuthorityId: Type.Optional(Type.String({ maxLength: 64 })),
  rauthorityId: Type.Optional(Type.String({ maxLength: 64 })),
  documentIds: Type.Optional(Type.Array(Type.String({ maxLength: 128 }), { maxItems: 10 })),
});

export const VerifyResponse = Type.Object({ processId: Uuid, status: Status });

export const ProcessStatusResponse = Type.Object({ processId: Uuid, status: Status, reason: Type.Optional(Json) });

export const ExternalId = Type.Object({ externalId: Type.String() });

export const ProcessListQuery = Type.Object({
  startCreationDate: Type.String({ maxLength: 40, examples: ['2022-01-01T09:00:00Z'] }),
  endCreationDate: Type.Optional(Type.String({ maxLength: 40 })),
  status: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 200000, default: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 100 })),
  order: Type.Optional(Type.String({ maxLength: 40, description: processListOrders.join(' or ') })),
});

export const ListAllProcesses = Type.Object({
  processes: Type.Array(
    Type.Object({
      processId: Uuid,
      dossier: Dossier,
      provider: Type.String(),
      status: Status,
      processType: Type.Optional(Type.String()),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      externalId: Type.Optional(Type.String()),
      failReason: Type.Optional(Json),
    }),
  ),
  filters: Type.Object({
    startCreationDate: Type.String(),
    endCreationDate: Type.Optional(Type.String()),
    statusList: Type.Array(Status),
    offset: Type.Integer(),
    limit: Type.Integer(),
    order: StringEnum(processListOrders),
  }),
  totalResults: Type.Integer(),
});
