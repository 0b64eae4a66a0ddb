import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chipFileRules } from '../../chip/upload.js';
import { maxBase64Length } from '../../services/uploads/limits.js';
import { callerOf } from '../plugins/auth.js';
import { NoContent, ProcessIdParams, StringEnum, errorResponses } from '../schemas/common.js';
import { uploadsOf } from './uploads.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Chip'];
const path = '/dossiers/:dossierId/processes/:processId/chip';

const file = (what: string, name: keyof typeof chipFileRules) =>
  Type.String({
    description: `${what}, base64 (strict, padded), at most ${chipFileRules[name].maxBytes} bytes, as read from the chip.`,
  });
const image = (what: string) =>
  Type.String({ description: `${what} as a data URL (data:image/jpeg;base64,... or PNG), at most 4 MB.` });

const ChipUploadRequest = Type.Object(
  {
    com: Type.Optional(file('EF.COM', 'com')),
    sod: file('EF.SOD', 'sod'),
    dg1: file('DG1 (MRZ)', 'dg1'),
    dg2: file('DG2 (face)', 'dg2'),
    dg7: Type.Optional(file('DG7 (signature)', 'dg7')),
    dg11: Type.Optional(file('DG11 (additional personal details)', 'dg11')),
    dg12: Type.Optional(file('DG12 (additional document details)', 'dg12')),
    dg13: Type.Optional(file('DG13 (optional details)', 'dg13')),
    dg14: Type.Optional(file('DG14 (security options)', 'dg14')),
    dg15: Type.Optional(file('DG15 (Active Authentication public key)', 'dg15')),
    activeAuthentication: Type.Optional(
      Type.Object(
        {
          challenge: Type.String({ description: 'The challenge from Get chip challenge, base64.' }),
          signature: Type.String({ description: "The chip's INTERNAL AUTHENTICATE response, base64." }),
        },
        { additionalProperties: false },
      ),
    ),
    chipAuthentication: Type.Optional(
      StringEnum(['SUCCEEDED', 'FAILED', 'NOT_SUPPORTED'] as const, {
        description: 'What the app says of Chip Authentication: reported in the result, never counted as verified.',
      }),
    ),
    front: Type.Optional(image('The data page, to compare its printed MRZ with DG1')),
    selfie: Type.Optional(image('A selfie, to compare with the DG2 face')),
  },
  { additionalProperties: false },
);

const bodyLimit =
  Object.values(chipFileRules).reduce((sum, rule) => sum + Math.ceil(rule.maxBytes / 3) * 4 + 64, 0) +
  2 * (maxBase64Length + 256) +
  8 * 1024;

/**
 * The chip endpoints, an OpenAssure extension for live ReadID processes: an app reads the document's
 * chip (with an open NFC library), answers our Active Authentication challenge, and uploads the files;
 * Start verification then checks them (docs/chip.md).
 */
export const chipRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    `${path}/challenge`,
    {
      schema: {
        tags,
        operationId: 'getChipChallenge',
        summary: 'A fresh Active Authentication challenge for the chip (OpenAssure extension)',
        description:
          'Eight random bytes for INTERNAL AUTHENTICATE; each challenge can be answered once, until it expires.',
        params: ProcessIdParams,
        response: {
          200: Type.Object({
            challenge: Type.String({ description: '8 bytes, base64.' }),
            expiresAt: Type.String({ format: 'date-time' }),
          }),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      const answer = await services.chip.challenge(callerOf(request), dossierId, processId);
      return reply.header('cache-control', 'no-store').send(answer);
    },
  );

  app.post(
    path,
    {
      bodyLimit,
      schema: {
        tags,
        operationId: 'uploadChip',
        summary: 'Upload what an app read from the document chip (OpenAssure extension)',
        description:
          'Live processes of chip-reading providers only. The files are kept encrypted; Start verification then runs passive and active authentication.',
        params: ProcessIdParams,
        body: ChipUploadRequest,
        response: { 201: NoContent('Stored.'), ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      const { front, selfie, ...chip } = request.body;
      await services.chip.upload(callerOf(request), dossierId, processId, chip, uploadsOf({ front, selfie }));
      return reply.code(201).send();
    },
  );
};
