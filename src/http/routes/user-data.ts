import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { callerOf } from '../plugins/auth.js';
import { presentUserData } from '../presenters.js';
import { DossierIdParams, NoContent, errorResponses } from '../schemas/common.js';
import { UserDataRequest, UserDataResponse, UserDataUpdateRequest } from '../schemas/user-data.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Dossiers'];
const path = '/dossiers/:dossierId/userdata';

export const userDataRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    path,
    {
      schema: {
        tags,
        operationId: 'getUserData',
        summary: 'The user data of a dossier',
        params: DossierIdParams,
        response: { 200: UserDataResponse, ...errorResponses(401, 404) },
      },
    },
    async (request) => presentUserData(await services.userData.get(callerOf(request), request.params.dossierId)),
  );

  app.post(
    path,
    {
      schema: {
        tags,
        operationId: 'setUserData',
        summary: 'Set the user data of a dossier (409 if it already has some)',
        params: DossierIdParams,
        body: UserDataRequest,
        response: { 201: NoContent('Created.'), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await services.userData.create(callerOf(request), request.params.dossierId, request.body.userData ?? {});
      return reply.code(201).send();
    },
  );

  app.put(
    path,
    {
      schema: {
        tags,
        operationId: 'updateUserData',
        summary: 'Merge fields into the user data; a field sent as "" is removed',
        params: DossierIdParams,
        body: UserDataUpdateRequest,
        response: { 204: NoContent('Updated.'), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await services.userData.update(callerOf(request), request.params.dossierId, request.body.userData ?? {});
      return reply.code(204).send();
    },
  );

  app.delete(
    path,
    {
      schema: {
        tags,
        operationId: 'deleteUserData',
        summary: 'Delete the user data of a dossier',
        params: DossierIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await services.userData.delete(callerOf(request), request.params.dossierId);
      return reply.code(204).send();
    },
  );
};
