import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { maxBase64Length } from '../../services/uploads/limits.js';
import { callerOf } from '../plugins/auth.js';
import { errorResponses } from '../schemas/common.js';
import { WatermarkRequest, watermarkedImageResponse } from '../schemas/watermark.js';
import type { Services } from '../../services/create-services.js';

/** One image plus the mark's text and ids. */
const watermarkBodyLimit = maxBase64Length + 64 * 1024;

export const watermarkRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/watermark',
    {
      bodyLimit: watermarkBodyLimit,
      schema: {
        tags: ['Assure'],
        operationId: 'watermark',
        summary: 'Watermark an image',
        body: WatermarkRequest,
        response: { 200: watermarkedImageResponse, ...errorResponses(400, 401, 404, 413) },
      },
    },
    async (request, reply) => {
      const image = await services.watermark.apply(callerOf(request), request.body);
      return reply.type('application/octet-stream').header('cache-control', 'no-store').send(image.bytes);
    },
  );
};
