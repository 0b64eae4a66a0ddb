import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { processStatuses } from '../../core/process-status.js';
import { callerOf } from '../plugins/auth.js';
import { emptyBodyAsObject } from '../plugins/json-body.js';
import { errorResponses, ProcessIdParams, StringEnum } from '../schemas/common.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Sandbox'];

/** Sandbox-only endpoints (404 for live clients). */
export const sandboxRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/sandbox/scenarios',
    {
      schema: {
        tags,
        operationId: 'listSandboxScenarios',
        summary: 'The sandbox scenarios of every provider, and the final status each produces',
        querystring: Type.Object({ provider: Type.Optional(Type.String({ maxLength: 80 })) }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              provider: Type.String(),
              processTypes: Type.Array(Type.String()),
              status: StringEnum(processStatuses),
              description: Type.String(),
            }),
          ),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => services.sandbox.scenarios(callerOf(request), request.query.provider),
  );

  app.post(
    '/sandbox/dossiers/:dossierId/processes/:processId/complete',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        operationId: 'completeSandboxProcess',
        summary: "Play the end-user's part of an SDK or video-call process; its scenario then runs",
        params: ProcessIdParams,
        body: Type.Object({ scenario: Type.Optional(Type.String({ maxLength: 120 })) }),
        response: {
          200: Type.Object({ processId: Type.String(), status: StringEnum(processStatuses) }),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request) => {
      const { dossierId, processId } = request.params;
      const process = await services.sandbox.complete(callerOf(request), dossierId, processId, request.body.scenario);
      return { processId: process.id, status: process.status };
    },
  );
};
