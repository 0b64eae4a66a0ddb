import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../core/errors.js';
import { processStatuses } from '../../core/process-status.js';
import { isCalendarDate, parseIsoDateTime } from '../../core/time.js';
import type { Services } from '../../services/create-services.js';
import { presentProcess } from '../presenters.js';
import { StringEnum } from '../schemas/common.js';
import { sendStreamed } from '../streamed-reply.js';
import { zipStream } from '../zip-stream.js';
import { allow, operatorOf } from './access.js';

const Id = Type.String({ minLength: 1, maxLength: 100 });
const SearchQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  clientId: Type.Optional(Id),
  provider: Type.Optional(Type.String({ maxLength: 60 })),
  status: Type.Optional(StringEnum(processStatuses)),
  from: Type.Optional(Type.String({ maxLength: 40 })),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

/** A date (its whole day: `to` ends after it) or a date-time with an offset, as epoch ms. */
function instantOf(name: string, value: string | undefined, end: boolean): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (isCalendarDate(value)) return Date.parse(`${value}T00:00:00Z`) + (end ? 86_400_000 : 0);
  const ms = parseIsoDateTime(value);
  if (ms === null) throw new AppError('validation_failed', `querystring.${name} must be a date or an ISO date-time.`);
  return ms;
}

/** What every role reads: the overview, the search, dossiers, processes and their files. */
export const consoleReadRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const reads = services.consoleReads;
  const viewer = { config: allow('viewer') };

  app.get(
    '/overview',
    {
      ...viewer,
      schema: {
        hide: true,
        querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 1, maximum: 366, default: 30 })) }),
      },
    },
    async (request) => reads.overview(operatorOf(request), request.query.days ?? 30),
  );

  app.get('/processes', { ...viewer, schema: { hide: true, querystring: SearchQuery } }, async (request) => {
    const query = request.query;
    return reads.search(operatorOf(request), {
      ...query,
      from: instantOf('from', query.from, false),
      to: instantOf('to', query.to, true),
      limit: query.limit ?? 50,
    });
  });

  app.get(
    '/dossiers/:dossierId',
    { ...viewer, schema: { hide: true, params: Type.Object({ dossierId: Id }) } },
    async (request) => reads.dossier(operatorOf(request), request.params.dossierId),
  );

  const ProcessParams = Type.Object({ processId: Id });

  app.get('/processes/:processId', { ...viewer, schema: { hide: true, params: ProcessParams } }, async (request) => {
    const detail = await reads.processDetail(operatorOf(request), request.params.processId);
    const { caller, ...rest } = detail;
    // The very body the client's Get process returns, by the same service and presenter.
    const view = await services.processes.get(caller, detail.dossierId, request.params.processId);
    return { process: presentProcess(view), clientId: caller.clientId, ...rest };
  });

  app.get(
    '/processes/:processId/images/:depiction',
    {
      ...viewer,
      schema: { hide: true, params: Type.Object({ processId: Id, depiction: Type.String({ maxLength: 40 }) }) },
    },
    async (request, reply) => {
      if (request.params.depiction === 'video') throw new AppError('not_found', 'Image not found.');
      return sendStreamed(
        reply,
        await reads.media(operatorOf(request), request.params.processId, request.params.depiction),
      );
    },
  );

  app.get(
    '/processes/:processId/video',
    { ...viewer, schema: { hide: true, params: ProcessParams } },
    async (request, reply) =>
      sendStreamed(reply, await reads.media(operatorOf(request), request.params.processId, 'video')),
  );

  app.get(
    '/processes/:processId/zip',
    { ...viewer, schema: { hide: true, params: ProcessParams } },
    async (request, reply) => {
      const { caller, dossierId } = await reads.processCaller(operatorOf(request), request.params.processId);
      const processId = request.params.processId;
      const bundle = await services.results.bundle(caller, dossierId, processId, true);
      if (!bundle) return reply.code(204).send();
      const view = await services.processes.get(caller, dossierId, processId);
      const zip = zipStream([
        { name: 'process.json', bytes: Buffer.from(JSON.stringify(presentProcess(view), null, 2)) },
        ...bundle.files,
      ]);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${dossierId}_${processId}.zip"`)
        .send(zip);
    },
  );
};
