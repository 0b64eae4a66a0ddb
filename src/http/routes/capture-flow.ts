import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/create-services.js';
import { callerOf } from '../plugins/auth.js';
import { scenarioOf } from '../plugins/sandbox-header.js';
import { CaptureRequestBody, CaptureResponse } from '../schemas/capture-flow.js';
import { DossierIdParams, errorResponses } from '../schemas/common.js';

export const captureFlowRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/dossiers/:dossierId/capture',
    {
      schema: {
        tags: ['Capture'],
        operationId: 'createArtifact',
        summary: 'Start capture flow: a process in the dossier, and the link to send the end-user to',
        params: DossierIdParams,
        body: CaptureRequestBody,
        response: { 201: CaptureResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { url } = await services.captureFlows.start(
        callerOf(request),
        request.params.dossierId,
        request.body,
        scenarioOf(request.headers),
      );
      return reply.code(201).send({ url });
    },
  );
};
