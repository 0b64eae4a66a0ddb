import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services/create-services.js';
import { errorResponses, NoContent } from '../schemas/common.js';
import {
  ClaimResponse,
  DecisionBody,
  DecisionResponse,
  ReviewDetail,
  ReviewParams,
  ReviewQueue,
  ReviewReasons,
} from '../schemas/console-reviews.js';
import { allow, consoleGrantOf } from './access.js';

interface ReviewRouteOptions {
  services: Services;
}

const tags = ['Console (extension)'];

const operatorOf = (request: FastifyRequest) => consoleGrantOf(request).caller;

/**
 * The review queue of the console (docs/review.md): reviewers and admins list, claim and decide the
 * live processes a person decides; viewers are refused (403), and an operator limited to some clients
 * finds the others' cases absent (404).
 */
export const consoleReviewRoutes: FastifyPluginAsyncTypebox<ReviewRouteOptions> = async (app, { services }) => {
  app.get(
    '/reviews',
    {
      config: allow('reviewer'),
      schema: { tags, summary: 'The review queue, oldest first', response: { 200: ReviewQueue } },
    },
    async (request) => services.reviews.list(operatorOf(request)),
  );

  app.get(
    '/reviews/reasons',
    {
      config: allow('reviewer'),
      schema: { tags, summary: 'The reasons a decision gives', response: { 200: ReviewReasons } },
    },
    async () => services.reviews.reasons(),
  );

  app.get(
    '/reviews/:processId',
    {
      config: allow('reviewer'),
      schema: {
        tags,
        summary: 'A case: the queue item, the extracted fields, the selfie video prompt, the reasons',
        params: ReviewParams,
        response: { 200: ReviewDetail, ...errorResponses(404) },
      },
    },
    async (request) => services.reviews.get(operatorOf(request), request.params.processId),
  );

  app.post(
    '/reviews/:processId/claim',
    {
      config: allow('reviewer'),
      schema: {
        tags,
        summary: 'Claim a case for OPENASSURE_REVIEW_CLAIM_MINUTES',
        params: ReviewParams,
        response: { 200: ClaimResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => services.reviews.claim(operatorOf(request), request.params.processId),
  );

  app.delete(
    '/reviews/:processId/claim',
    {
      config: allow('reviewer'),
      schema: {
        tags,
        summary: 'Give a claim back',
        params: ReviewParams,
        response: { 204: NoContent('Given back.'), ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      await services.reviews.release(operatorOf(request), request.params.processId);
      return reply.status(204).send();
    },
  );

  app.post(
    '/reviews/:processId/decision',
    {
      config: allow('reviewer'),
      schema: {
        tags,
        summary: 'Accept or reject a claimed case',
        params: ReviewParams,
        body: DecisionBody,
        response: { 200: DecisionResponse, ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => services.reviews.decide(operatorOf(request), request.params.processId, request.body),
  );
};
