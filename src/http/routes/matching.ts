import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { toIsoSeconds } from '../../core/time.js';
import type { MatchOutcome } from '../../services/matching.js';
import type { LoadedNode } from '../../services/matching-nodes.js';
import type { MatchingConfigurationRecord } from '../../store/repositories/matching-configurations.js';
import { callerOf } from '../plugins/auth.js';
import { DossierIdParams, NoContent, errorResponses } from '../schemas/common.js';
import {
  ConfigurationIdParams,
  MatchRequest,
  MatchResponse,
  MatchingConfigurationList,
  MatchingConfigurationRequest,
  MatchingConfigurationResponse,
} from '../schemas/matching.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Matching'];
const collection = '/matching/configurations';
const item = `${collection}/:configurationId`;

function presentConfiguration(record: MatchingConfigurationRecord): Static<typeof MatchingConfigurationResponse> {
  return {
    configuration: { fields: record.fields },
    id: record.id,
    createdAt: toIsoSeconds(record.createdAt),
    updatedAt: toIsoSeconds(record.updatedAt),
  };
}

const presentNode = (node: Omit<LoadedNode, 'values'>) => ({
  ...(node.processId !== undefined && { processId: node.processId }),
  dataNode: node.dataNode,
  ...(node.updatedAt !== undefined && { updatedAt: toIsoSeconds(node.updatedAt) }),
});

function presentMatch(outcome: MatchOutcome): Static<typeof MatchResponse> {
  return {
    dossierId: outcome.dossierId,
    createdAt: toIsoSeconds(outcome.createdAt),
    source: presentNode(outcome.source),
    target: presentNode(outcome.target),
    matchResult: outcome.matchResult,
  };
}

export const matchingRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    collection,
    {
      schema: {
        tags,
        operationId: 'getAllConfigurations',
        summary: "The client's matching configurations, by id",
        response: { 200: MatchingConfigurationList, ...errorResponses(401) },
      },
    },
    async (request) => (await services.matching.listConfigurations(callerOf(request))).map(presentConfiguration),
  );

  app.get(
    item,
    {
      schema: {
        tags,
        operationId: 'getConfiguration',
        summary: 'A matching configuration, with every default written out',
        params: ConfigurationIdParams,
        response: { 200: MatchingConfigurationResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentConfiguration(await services.matching.getConfiguration(callerOf(request), request.params.configurationId)),
  );

  app.post(
    item,
    {
      schema: {
        tags,
        operationId: 'setConfiguration',
        summary: 'Create a matching configuration (409 if the id is taken)',
        params: ConfigurationIdParams,
        body: MatchingConfigurationRequest,
        response: { 201: MatchingConfigurationResponse, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { configurationId } = request.params;
      const record = await services.matching.createConfiguration(
        callerOf(request),
        configurationId,
        request.body.fields,
      );
      return reply.code(201).send(presentConfiguration(record));
    },
  );

  app.put(
    item,
    {
      schema: {
        tags,
        operationId: 'updateConfiguration',
        summary: 'Replace the fields of a matching configuration',
        params: ConfigurationIdParams,
        body: MatchingConfigurationRequest,
        response: { 200: MatchingConfigurationResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentConfiguration(
        await services.matching.updateConfiguration(
          callerOf(request),
          request.params.configurationId,
          request.body.fields,
        ),
      ),
  );

  app.delete(
    item,
    {
      schema: {
        tags,
        operationId: 'deleteConfiguration',
        summary: 'Delete a matching configuration',
        params: ConfigurationIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await services.matching.deleteConfiguration(callerOf(request), request.params.configurationId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/dossiers/:dossierId/match',
    {
      schema: {
        tags,
        operationId: 'match',
        summary: 'Match two sources of identity data of a dossier, field by field',
        params: DossierIdParams,
        body: MatchRequest,
        response: { 200: MatchResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      presentMatch(await services.matching.match(callerOf(request), request.params.dossierId, request.body)),
  );
};
