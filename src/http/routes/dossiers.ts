import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { callerOf } from '../plugins/auth.js';
import { emptyBodyAsObject } from '../plugins/json-body.js';
import { presentDossier, presentDossierWithProcesses } from '../presenters.js';
import { DossierIdParams, NoContent, errorResponses } from '../schemas/common.js';
import { Dossier, DossierRequest, DossierResponse } from '../schemas/dossiers.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Dossiers'];

export const dossierRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/dossiers',
    {
      schema: {
        tags,
        operationId: 'getDossiers',
        summary: 'The last 100 dossiers of the client, newest first',
        response: { 200: Type.Array(Dossier), ...errorResponses(401) },
      },
    },
    async (request) => (await services.dossiers.list(callerOf(request))).map(presentDossier),
  );

  app.post(
    '/dossiers',
    {
      preValidation: emptyBodyAsObject,
      schema: {
        tags,
        operationId: 'createDossier',
        summary: 'Create a dossier',
        body: Type.Optional(DossierRequest),
        response: { 201: Dossier, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const dossier = await services.dossiers.create(callerOf(request), request.body?.externalReference);
      return reply.code(201).send(presentDossier(dossier));
    },
  );

  app.delete(
    '/dossiers/all',
    {
      schema: {
        tags,
        operationId: 'deleteAllDossiers',
        summary: 'Delete every dossier of the client',
        response: { 204: NoContent('Deleted.'), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await services.dossiers.deleteAll(callerOf(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/dossiers/:dossierId',
    {
      schema: {
        tags,
        operationId: 'getDossier',
        summary: 'A dossier with a summary of its processes',
        params: DossierIdParams,
        response: { 200: DossierResponse, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { dossier, processes } = await services.dossiers.get(callerOf(request), request.params.dossierId);
      return presentDossierWithProcesses(dossier, processes);
    },
  );

  app.delete(
    '/dossiers/:dossierId',
    {
      schema: {
        tags,
        operationId: 'deleteDossier',
        summary: 'Delete a dossier with its user data, files and processes',
        params: DossierIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      await services.dossiers.delete(callerOf(request), request.params.dossierId);
      return reply.code(204).send();
    },
  );
};
