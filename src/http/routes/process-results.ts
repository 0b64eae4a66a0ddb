import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { providers } from '../../providers/registry.js';
import { callerOf } from '../plugins/auth.js';
import { presentProcess } from '../presenters.js';
import { errorResponses, NoContent, ProcessIdParams } from '../schemas/common.js';
import { sendStreamed } from '../streamed-reply.js';
import { zipStream } from '../zip-stream.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Processes'];
const path = '/dossiers/:dossierId/processes/:processId';
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
/** A zip is streamed as it is built. */
const ZipStream = Type.Unsafe<NodeJS.ReadableStream>({ type: 'string', format: 'binary' });

/** The providers that serve their raw result, named in the API reference. */
const rawResultProviders = providers
  .filter((p) => p.rawResultEndpoint)
  .map((p) => p.title)
  .join(', ');

/** `20241204T224400`, the date part of upstream's zip names. */
const compactUtc = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 19).replace(/[-:]/g, '');

export const processResultRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    `${path}/download`,
    {
      schema: {
        tags,
        operationId: 'getZipFile',
        summary: 'Everything about a finished process as a zip: images, video, raw results',
        params: ProcessIdParams,
        querystring: Type.Object({ includeTimestamps: Type.Optional(Type.Boolean({ default: false })) }),
        response: {
          200: { description: 'The zip file.', content: { 'application/zip': { schema: ZipStream } } },
          204: NoContent('The process has no result yet.'),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      const caller = callerOf(request);
      const bundle = await services.results.bundle(
        caller,
        dossierId,
        processId,
        request.query.includeTimestamps ?? false,
      );
      if (!bundle) return reply.code(204).send();
      const view = await services.processes.get(caller, dossierId, processId);
      const zip = zipStream([
        { name: 'process.json', bytes: Buffer.from(JSON.stringify(presentProcess(view), null, 2)) },
        ...bundle.files,
      ]);
      const name = `${dossierId}_${processId}_${compactUtc(bundle.madeAt)}.zip`;
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(zip);
    },
  );

  app.get(
    `${path}/raw`,
    {
      schema: {
        tags,
        operationId: 'getRawResult',
        summary: `The raw result, as the provider returned it (${rawResultProviders} processes)`,
        params: ProcessIdParams,
        response: {
          200: Type.Unknown({ description: 'The raw result (JSON).' }),
          204: NoContent('The process has no result yet.'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      const raw = await services.results.raw(callerOf(request), dossierId, processId);
      if (raw === undefined) return reply.code(204).send();
      return reply.type('application/json').header('cache-control', 'no-store').send(JSON.stringify(raw));
    },
  );

  app.get(
    `${path}/video`,
    {
      schema: {
        tags,
        operationId: 'getVideo',
        summary: 'The video recorded during the identification',
        params: ProcessIdParams,
        response: {
          200: { description: 'The video.', content: { 'video/mp4': { schema: Binary } } },
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      return sendStreamed(reply, await services.results.video(callerOf(request), dossierId, processId));
    },
  );
};
