import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services/create-services.js';
import { StringEnum } from '../schemas/common.js';
import { allow, operatorOf, unlimitedOperatorOf } from './access.js';

const Id = Type.String({ minLength: 1, maxLength: 200 });
const ClientParams = Type.Object({ clientId: Id });
const Cursor = Type.Optional(Type.String({ maxLength: 300 }));
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 }));
const admin = { config: allow('admin') };
const viewer = { config: allow('viewer') };

/** Clients, their settings and webhooks, deliveries, operators and the audit log. */
export const consoleAdminRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  const consoleAdmin = services.consoleAdmin;

  app.get('/clients', { ...viewer, schema: { hide: true } }, async (request) =>
    consoleAdmin.listClients(operatorOf(request)),
  );

  app.post(
    '/clients',
    {
      ...admin,
      schema: {
        hide: true,
        body: Type.Object({
          name: Type.String({ maxLength: 200 }),
          environment: StringEnum(['sandbox', 'live'] as const),
        }),
      },
    },
    async (request, reply) => {
      const created = await consoleAdmin.createClient(operatorOf(request), request.body.name, request.body.environment);
      return reply.code(201).send(created);
    },
  );

  app.post('/clients/:clientId/secret', { ...admin, schema: { hide: true, params: ClientParams } }, async (request) =>
    consoleAdmin.rotateSecret(operatorOf(request), request.params.clientId),
  );

  app.delete(
    '/clients/:clientId',
    { ...admin, schema: { hide: true, params: ClientParams } },
    async (request, reply) => {
      await consoleAdmin.deleteClient(operatorOf(request), request.params.clientId);
      return reply.code(204).send();
    },
  );

  app.get('/clients/:clientId/settings', { ...viewer, schema: { hide: true, params: ClientParams } }, async (request) =>
    consoleAdmin.settings(operatorOf(request), request.params.clientId),
  );

  app.put(
    '/clients/:clientId/settings',
    {
      ...admin,
      schema: {
        hide: true,
        params: ClientParams,
        body: Type.Object({
          reviewInconclusive: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 50 }),
          fourEyes: Type.Boolean(),
        }),
      },
    },
    async (request) => consoleAdmin.putSettings(operatorOf(request), request.params.clientId, request.body),
  );

  app.get('/clients/:clientId/webhooks', { ...viewer, schema: { hide: true, params: ClientParams } }, async (request) =>
    consoleAdmin.webhooks(operatorOf(request), request.params.clientId),
  );

  app.get(
    '/deliveries',
    {
      ...viewer,
      schema: {
        hide: true,
        querystring: Type.Object({
          clientId: Type.Optional(Id),
          failed: Type.Optional(Type.Boolean()),
          cursor: Cursor,
          limit: Limit,
        }),
      },
    },
    async (request) =>
      consoleAdmin.deliveries(operatorOf(request), { ...request.query, limit: request.query.limit ?? 50 }),
  );

  app.post(
    '/deliveries/:deliveryId/redeliver',
    { ...admin, schema: { hide: true, params: Type.Object({ deliveryId: Id }) } },
    async (request, reply) =>
      reply.code(202).send(await consoleAdmin.redeliver(operatorOf(request), request.params.deliveryId)),
  );

  app.get('/operators', { ...admin, schema: { hide: true } }, async (request) => {
    unlimitedOperatorOf(request);
    return (await services.operators.list()).map((o) => ({ ...o, createdAt: new Date(o.createdAt).toISOString() }));
  });

  app.post(
    '/operators',
    {
      ...admin,
      schema: {
        hide: true,
        body: Type.Object({
          email: Type.String({ maxLength: 254 }),
          role: StringEnum(['admin', 'reviewer', 'viewer'] as const),
          clients: Type.Optional(Type.Union([Type.Array(Id, { maxItems: 1000 }), Type.Null()])),
        }),
      },
    },
    async (request, reply) => {
      const created = await services.operators.create(request.body, unlimitedOperatorOf(request).email);
      return reply.code(201).send(created);
    },
  );

  const EmailParams = Type.Object({ email: Type.String({ maxLength: 254 }) });

  app.delete('/operators/:email', { ...admin, schema: { hide: true, params: EmailParams } }, async (request, reply) => {
    await services.operators.delete(request.params.email, unlimitedOperatorOf(request).email);
    return reply.code(204).send();
  });

  app.post('/operators/:email/password', { ...admin, schema: { hide: true, params: EmailParams } }, async (request) =>
    services.operators.resetPassword(request.params.email, unlimitedOperatorOf(request).email),
  );

  app.get(
    '/audit',
    {
      ...admin,
      schema: {
        hide: true,
        querystring: Type.Object({
          operator: Type.Optional(Type.String({ maxLength: 254 })),
          action: Type.Optional(Type.String({ maxLength: 60 })),
          cursor: Cursor,
          limit: Limit,
        }),
      },
    },
    async (request) => {
      unlimitedOperatorOf(request);
      return consoleAdmin.auditLog({ ...request.query, limit: request.query.limit ?? 50 });
    },
  );

  app.get('/audit.csv', { ...admin, schema: { hide: true } }, async (request, reply) => {
    unlimitedOperatorOf(request);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="audit.csv"')
      .send(Readable.from(consoleAdmin.auditCsv()));
  });
};
