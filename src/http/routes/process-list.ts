import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/auth.js';
import { presentListedProcess } from '../presenters.js';
import { errorResponses } from '../schemas/common.js';
import { ListAllProcesses, ProcessListQuery } from '../schemas/processes.js';
import type { Services } from '../../services/create-services.js';

export const processListRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/processes',
    {
      schema: {
        tags: ['Processes'],
        operationId: 'getAllProcess',
        summary: "The client's processes created in a time range, filtered by status, paged",
        querystring: ProcessListQuery,
        response: { 200: ListAllProcesses, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { filters, page } = await services.processList.list(callerOf(request), request.query);
      return {
        processes: page.items.map(({ process, dossier }) => presentListedProcess(process, dossier)),
        filters,
        totalResults: page.total,
      };
    },
  );
};
