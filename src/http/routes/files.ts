import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { uploadBodyLimit } from '../../services/uploads/limits.js';
import { callerOf } from '../plugins/auth.js';
import { DossierIdParams, NoContent, errorResponses, imageResponse } from '../schemas/common.js';
import { FileQuery, FileRequest } from '../schemas/images.js';
import { sendStreamed } from '../streamed-reply.js';
import { uploadsOf } from './uploads.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Dossiers'];
const path = '/dossiers/:dossierId/files';

export const fileRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    path,
    {
      schema: {
        tags,
        operationId: 'getFile',
        summary: 'An image kept on the dossier',
        params: DossierIdParams,
        querystring: FileQuery,
        response: { 200: imageResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const file = await services.files.get(callerOf(request), request.params.dossierId, request.query.depiction);
      return sendStreamed(reply, file);
    },
  );

  app.post(
    path,
    {
      bodyLimit: uploadBodyLimit,
      schema: {
        tags,
        operationId: 'setFiles',
        summary: 'Upload images to the dossier, or copy them from one of its processes',
        params: DossierIdParams,
        body: FileRequest,
        response: { 201: NoContent('Stored.'), ...errorResponses(400, 401, 404, 413) },
      },
    },
    async (request, reply) => {
      const { processId, ...images } = request.body;
      await services.files.set(callerOf(request), request.params.dossierId, uploadsOf(images), processId);
      return reply.code(201).send();
    },
  );

  app.delete(
    path,
    {
      schema: {
        tags,
        operationId: 'deleteFiles',
        summary: 'Delete every image kept on the dossier',
        params: DossierIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await services.files.delete(callerOf(request), request.params.dossierId);
      return reply.code(204).send();
    },
  );
};
