import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { toIsoSeconds } from '../../core/time.js';
import type { CaptureConfigurationRecord } from '../../store/repositories/capture-configurations.js';
import { callerOf } from '../plugins/auth.js';
import {
  CaptureConfigurationBody,
  CaptureConfigurationIdParams,
  CaptureConfigurationList,
  CaptureConfigurationRequest,
  CaptureConfigurationResponse,
} from '../schemas/capture-configurations.js';
import { NoContent, errorResponses } from '../schemas/common.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Capture'];
const collection = '/capture/configurations';
const item = `${collection}/:configurationId`;

const dates = (record: Pick<CaptureConfigurationRecord, 'id' | 'createdAt' | 'updatedAt'>) => ({
  id: record.id,
  createdAt: toIsoSeconds(record.createdAt),
  updatedAt: toIsoSeconds(record.updatedAt),
});
const withDates = (record: CaptureConfigurationRecord) => ({ ...record.configuration, ...dates(record) });

export const captureConfigurationRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (
  app,
  { services },
) => {
  app.get(
    collection,
    {
      schema: {
        tags,
        operationId: 'getAllConfigurations_1',
        summary: "The ids of the client's capture configurations",
        response: { 200: CaptureConfigurationList, ...errorResponses(401) },
      },
    },
    async (request) => (await services.captureConfigurations.list(callerOf(request))).map(dates),
  );

  app.get(
    item,
    {
      schema: {
        tags,
        operationId: 'getConfiguration_1',
        summary: 'A capture configuration, in its normal form',
        params: CaptureConfigurationIdParams,
        response: { 200: CaptureConfigurationBody, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      (await services.captureConfigurations.get(callerOf(request), request.params.configurationId)).configuration,
  );

  app.post(
    item,
    {
      schema: {
        tags,
        operationId: 'setConfiguration_1',
        summary: 'Create a capture configuration (409 if the id is taken)',
        params: CaptureConfigurationIdParams,
        body: CaptureConfigurationRequest,
        response: { 201: CaptureConfigurationResponse, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { configurationId } = request.params;
      const record = await services.captureConfigurations.create(callerOf(request), configurationId, request.body);
      return reply.code(201).send(withDates(record));
    },
  );

  app.put(
    item,
    {
      schema: {
        tags,
        operationId: 'updateConfiguration_1',
        summary: 'Replace a capture configuration (every field not sent goes back to its default)',
        params: CaptureConfigurationIdParams,
        body: CaptureConfigurationRequest,
        response: { 200: CaptureConfigurationResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      withDates(
        await services.captureConfigurations.replace(callerOf(request), request.params.configurationId, request.body),
      ),
  );

  app.delete(
    item,
    {
      schema: {
        tags,
        operationId: 'deleteConfiguration_1',
        summary: 'Delete a capture configuration',
        params: CaptureConfigurationIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await services.captureConfigurations.delete(callerOf(request), request.params.configurationId);
      return reply.code(204).send();
    },
  );
};
