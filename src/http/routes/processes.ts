import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { failedByRequest } from '../../services/verification.js';
import { callerOf } from '../plugins/auth.js';
import { scenarioOf } from '../plugins/sandbox-header.js';
import { emptyBodyAsObject } from '../plugins/json-body.js';
import { presentCreatedProcess, presentProcess } from '../presenters.js';
import { DossierIdParams, NoContent, ProcessIdParams, errorResponses } from '../schemas/common.js';
import {
  ExternalId,
  Process,
  ProcessRequest,
  ProcessResponse,
  ProcessStatusResponse,
  VerifyRequest,
  VerifyResponse,
} from '../schemas/processes.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Processes'];
const processPath = '/dossiers/:dossierId/processes/:processId';

export const processRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/dossiers/:dossierId/processes',
    {
      schema: {
        tags,
        operationId: 'createProcess',
        summary: 'Create a verification process in a dossier',
        params: DossierIdParams,
        body: ProcessRequest,
        response: { 201: ProcessResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { process, extra } = await services.processes.create(
        callerOf(request),
        request.params.dossierId,
        request.body,
        scenarioOf(request.headers),
      );
      return reply.code(201).send(presentCreatedProcess(process, extra));
    },
  );

  app.get(
    processPath,
    {
      schema: {
        tags,
        operationId: 'getProcess',
        summary: 'A process with its status and result',
        params: ProcessIdParams,
        response: { 200: Process, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { dossierId, processId } = request.params;
      return presentProcess(await services.processes.get(callerOf(request), dossierId, processId));
    },
  );

  app.post(
    processPath,
    {
      preValidation: emptyBodyAsObject,
      // A FaceTec enrollment carries a face scan and audit trail images.
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags,
        operationId: 'startVerification',
        summary: 'Start the verification; the process cannot change afterwards',
        params: ProcessIdParams,
        body: VerifyRequest,
        response: { 200: VerifyResponse, ...errorResponses(400, 401, 404, 409, 413) },
      },
    },
    async (request) => {
      const { dossierId, processId } = request.params;
      const { rauthorityId, rAuthorityId, ...body } = request.body;
      const started = await services.verification.start(
        callerOf(request),
        dossierId,
        processId,
        {
          ...body,
          ...((rAuthorityId ?? rauthorityId) !== undefined && { rAuthorityId: rAuthorityId ?? rauthorityId }),
        },
        scenarioOf(request.headers),
      );
      return { processId: started.id, status: started.status };
    },
  );

  app.delete(
    processPath,
    {
      schema: {
        tags,
        operationId: 'deleteProcess',
        summary: 'Delete a process with its images',
        params: ProcessIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const { dossierId, processId } = request.params;
      await services.processes.delete(callerOf(request), dossierId, processId);
      return reply.code(204).send();
    },
  );

  app.post(
    `${processPath}/fail`,
    {
      schema: {
        tags,
        operationId: 'setFailedProcess',
        summary: 'Fail a pending process',
        params: ProcessIdParams,
        response: { 200: ProcessStatusResponse, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => {
      const { dossierId, processId } = request.params;
      const failed = await services.verification.fail(callerOf(request), dossierId, processId);
      return { processId: failed.id, status: failed.status, reason: failedByRequest };
    },
  );

  app.get(
    `${processPath}/external-id`,
    {
      schema: {
        tags,
        operationId: 'getExternalId',
        summary: "The provider's own id for the process",
        params: ProcessIdParams,
        response: { 200: ExternalId, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { dossierId, processId } = request.params;
      return { externalId: await services.processes.externalId(callerOf(request), dossierId, processId) };
    },
  );
};
