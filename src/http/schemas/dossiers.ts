import { Type } from 'typebox';
import { processStatuses } from '../../core/process-status.js';
import { StringEnum, Timestamp, Uuid } from './common.js';

export const DossierRequest = Type.Object({
  externalReference: Type.Optional(
    Type.String({ maxLength: 256, description: 'Your own reference for the dossier.', examples: ['customer-1234'] }),
  ),
});

export const Dossier = Type.Object({
  dossierId: Uuid,
  externalReference: Type.Optional(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const SlimProcess = Type.Object({
  processId: Uuid,
  provider: Type.String(),
  processType: Type.Optional(Type.String()),
  status: StringEnum(processStatuses),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const DossierResponse = Type.Object({
  dossierId: Uuid,
  externalReference: Type.Optional(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  processes: Type.Array(SlimProcess),
});
