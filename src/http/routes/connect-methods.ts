import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toIsoSeconds } from '../../core/time.js';
import type { ConnectMethodView } from '../../services/connect-methods.js';
import type { Services } from '../../services/create-services.js';
import { callerOf } from '../plugins/auth.js';
import { NoContent, errorResponses } from '../schemas/common.js';
import {
  ConnectMethodList,
  ConnectMethodParams,
  ConnectMethodRequest,
  ConnectMethodResponse,
} from '../schemas/connect.js';

const tags = ['Connect methods (extension)'];
const item = '/connect/methods/:method';

const present = (view: ConnectMethodView) => ({
  ...view,
  createdAt: toIsoSeconds(view.createdAt),
  updatedAt: toIsoSeconds(view.updatedAt),
});

/** The client's eID methods for live Connect processes (an OpenAssure extension; see docs/connect.md). */
export const connectMethodRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/connect/methods',
    {
      schema: {
        tags,
        operationId: 'listConnectMethods',
        summary: "The client's Connect methods",
        response: { 200: ConnectMethodList, ...errorResponses(401) },
      },
    },
    async (request) => (await services.connectMethods.list(callerOf(request))).map(present),
  );

  app.get(
    item,
    {
      schema: {
        tags,
        operationId: 'getConnectMethod',
        summary: 'A Connect method (without its secret)',
        params: ConnectMethodParams,
        response: { 200: ConnectMethodResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => present(await services.connectMethods.get(callerOf(request), request.params.method)),
  );

  app.put(
    item,
    {
      schema: {
        tags,
        operationId: 'putConnectMethod',
        summary: "Create or replace a Connect method; the issuer's discovery document is read first",
        params: ConnectMethodParams,
        body: ConnectMethodRequest,
        response: { 200: ConnectMethodResponse, 201: ConnectMethodResponse, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const { view, created } = await services.connectMethods.put(
        callerOf(request),
        request.params.method,
        request.body,
      );
      return reply.code(created ? 201 : 200).send(present(view));
    },
  );

  app.delete(
    item,
    {
      schema: {
        tags,
        operationId: 'deleteConnectMethod',
        summary: 'Delete a Connect method',
        params: ConnectMethodParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await services.connectMethods.delete(callerOf(request), request.params.method);
      return reply.code(204).send();
    },
  );
};
