import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { uploadBodyLimit } from '../../services/uploads/limits.js';
import { callerOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';
import { RedactionRequest, RedactionResponse } from '../schemas/redaction.js';
import type { Services } from '../../services/create-services.js';

export const redactionRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/redact',
    {
      bodyLimit: uploadBodyLimit,
      schema: {
        tags: ['Assure'],
        operationId: 'redact',
        summary: 'Redact the photo or the personal number on document images',
        body: RedactionRequest,
        response: { 200: RedactionResponse, ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    async (request) => services.redaction.redact(callerOf(request), request.body),
  );
};
