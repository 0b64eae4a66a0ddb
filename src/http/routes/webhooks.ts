import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toIsoSeconds } from '../../core/time.js';
import { webhookEvents } from '../../notifications/events.js';
import type { DeliveryWithAttempts } from '../../services/webhooks.js';
import type { WebhookEndpointRecord } from '../../store/repositories/webhook-endpoints.js';
import { callerOf } from '../plugins/auth.js';
import { NoContent, StringEnum, Timestamp, Uuid, errorResponses } from '../schemas/common.js';
import type { Services } from '../../services/create-services.js';

const tags = ['Webhooks'];

const WebhookRequest = Type.Object({
  url: Type.String({
    maxLength: 2048,
    pattern: '^https?://',
    description: 'Receives a signed POST (Standard Webhooks) for each event. http or https, no user name or password.',
    examples: ['https://hooks.example.com/assure'],
  }),
  events: Type.Optional(
    Type.Array(StringEnum(webhookEvents), { minItems: 1, maxItems: 10, description: 'Default: every event.' }),
  ),
  secret: Type.Optional(
    Type.String({
      maxLength: 128,
      pattern: '^whsec_',
      description: 'Your own signing secret, `whsec_` and the base64 of 24-64 bytes; generated when left out.',
    }),
  ),
});

const endpointFields = {
  id: Uuid,
  url: Type.String(),
  // Output lists stored names as they are; the request schema is what restricts them to webhookEvents.
  events: Type.Array(Type.String({ examples: [webhookEvents[0]] })),
  status: StringEnum(['active', 'disabled'] as const),
  disabledReason: Type.Optional(Type.String({ description: 'Why the endpoint was disabled (e.g. it answered 410).' })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};
const WebhookEndpoint = Type.Object(endpointFields);
const CreatedWebhookEndpoint = Type.Object({
  ...endpointFields,
  secret: Type.String({ description: 'The signing secret. Shown only in this answer: keep it.' }),
});

const Attempt = Type.Object({
  attempt: Type.Integer({ minimum: 1 }),
  startedAt: Timestamp,
  durationMs: Type.Integer({ minimum: 0 }),
  statusCode: Type.Union([Type.Integer(), Type.Null()]),
  error: Type.Union([Type.String(), Type.Null()]),
  outcome: StringEnum(['delivered', 'failed', 'gone'] as const),
});
const Delivery = Type.Object({
  id: Type.String({ description: 'The message id, sent as webhook-id on every attempt.' }),
  event: Type.String({ examples: [webhookEvents[0]] }),
  status: StringEnum(['pending', 'delivered', 'dead'] as const),
  attemptCount: Type.Integer({ minimum: 0 }),
  nextAttemptAt: Type.Union([Timestamp, Type.Null()]),
  createdAt: Timestamp,
  attempts: Type.Array(Attempt),
});

const WebhookIdParams = Type.Object({ webhookId: Uuid });

const presentEndpoint = (endpoint: WebhookEndpointRecord) => ({
  id: endpoint.id,
  url: endpoint.url,
  events: endpoint.events,
  status: endpoint.status,
  ...(endpoint.disabledReason !== null && { disabledReason: endpoint.disabledReason }),
  createdAt: toIsoSeconds(endpoint.createdAt),
  updatedAt: toIsoSeconds(endpoint.updatedAt),
});

const presentDelivery = ({ delivery, attempts }: DeliveryWithAttempts) => ({
  id: delivery.id,
  event: delivery.event,
  status: delivery.status,
  attemptCount: delivery.attempts,
  nextAttemptAt: delivery.nextAttemptAt === null ? null : toIsoSeconds(delivery.nextAttemptAt),
  createdAt: toIsoSeconds(delivery.createdAt),
  attempts: attempts.map((a) => ({
    attempt: a.attempt,
    startedAt: toIsoSeconds(a.startedAt),
    durationMs: a.durationMs,
    statusCode: a.statusCode,
    error: a.error,
    outcome: a.outcome,
  })),
});

/** The client's webhook subscriptions (an OpenAssure addition; upstream has only notificationUrl). */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        operationId: 'createWebhookEndpoint',
        summary: 'Subscribe an endpoint to process events; the answer holds its signing secret',
        body: WebhookRequest,
        response: { 201: CreatedWebhookEndpoint, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => {
      const { endpoint, secret } = await services.webhooks.create(callerOf(request), request.body);
      return reply.code(201).send({ ...presentEndpoint(endpoint), secret });
    },
  );

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoints',
        summary: 'The webhook endpoints of the client, oldest first (without secrets)',
        response: { 200: Type.Array(WebhookEndpoint), ...errorResponses(401) },
      },
    },
    async (request) => (await services.webhooks.list(callerOf(request))).map(presentEndpoint),
  );

  app.get(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        operationId: 'getWebhookEndpoint',
        summary: 'A webhook endpoint (without its secret)',
        params: WebhookIdParams,
        response: { 200: WebhookEndpoint, ...errorResponses(401, 404) },
      },
    },
    async (request) => presentEndpoint(await services.webhooks.get(callerOf(request), request.params.webhookId)),
  );

  app.delete(
    '/webhooks/:webhookId',
    {
      schema: {
        tags,
        operationId: 'deleteWebhookEndpoint',
        summary: 'Unsubscribe an endpoint; its pending messages are not sent',
        params: WebhookIdParams,
        response: { 204: NoContent('Deleted.'), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await services.webhooks.delete(callerOf(request), request.params.webhookId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/webhooks/:webhookId/deliveries',
    {
      schema: {
        tags,
        operationId: 'getWebhookDeliveries',
        summary: 'The last 100 messages to an endpoint, newest first, with every attempt',
        params: WebhookIdParams,
        response: { 200: Type.Array(Delivery), ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      (await services.webhooks.deliveries(callerOf(request), request.params.webhookId)).map(presentDelivery),
  );
};
