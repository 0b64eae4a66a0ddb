import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { uploadBodyLimit } from '../../services/uploads/limits.js';
import { callerOf } from '../plugins/auth.js';
import { NoContent, ProcessIdParams, errorResponses, imageResponse } from '../schemas/common.js';
import { ProcessImageQuery, UploadImageRequest } from '../schemas/images.js';
import { sendStreamed } from '../streamed-reply.js';
import { uploadsOf } from './uploads.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Processes'];
const path = '/dossiers/:dossierId/processes/:processId/images';

export const processImageRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    path,
    {
      schema: {
        tags,
        operationId: 'getImages',
        summary: 'An image of the process',
        params: ProcessIdParams,
        querystring: ProcessImageQuery,
        response: { 200: imageResponse, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      const image = await services.processImages.open(callerOf(request), dossierId, processId, request.query.depiction);
      return sendStreamed(reply, image);
    },
  );

  app.post(
    path,
    {
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        operationId: 'setImages',
        summary: 'Upload images to a pending process',
        params: ProcessIdParams,
        body: UploadImageRequest,
        response: { 201: NoContent('Stored.'), ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      await services.processImages.set(callerOf(request), dossierId, processId, uploadsOf(request.body));
      return reply.code(201).send();
    },
  );
};
