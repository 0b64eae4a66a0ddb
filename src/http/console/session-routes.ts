import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../services/create-services.js';
import { allow, clearConsoleCookie, consoleGrantOf, setConsoleCookie } from './access.js';

interface SessionRouteOptions {
  services: Services;
  secure: boolean;
  sessionHours: number;
}

const SignIn = Type.Object({
  email: Type.String({ maxLength: 254 }),
  password: Type.String({ maxLength: 200 }),
});
const SignInOptions = Type.Object({ sso: Type.Boolean(), localPasswords: Type.Boolean() });
const Code = Type.Object({ code: Type.String({ maxLength: 12 }) });
const anyStage = ['totp', 'enroll', 'ready'] as const;
const enrolling = ['enroll', 'ready'] as const;

/** Signing in and out, the one-time code and TOTP enrollment (docs/console.md). */
export const consoleSessionRoutes: FastifyPluginAsyncTypebox<SessionRouteOptions> = async (app, options) => {
  const { services, secure, sessionHours } = options;
  const sessions = services.consoleSessions;

  // Public: the sign-in page asks which ways in to offer before anyone is signed in.
  app.get(
    '/session/options',
    { schema: { hide: true, response: { 200: SignInOptions } }, config: { consoleAccess: 'public' } },
    async () => ({ sso: services.consoleSso !== undefined, localPasswords: sessions.localPasswords }),
  );

  app.post(
    '/session',
    { schema: { hide: true, body: SignIn }, config: { consoleAccess: 'public' } },
    async (request, reply) => {
      const { token, grant } = await sessions.signIn(request.body.email, request.body.password, request.ip);
      setConsoleCookie(reply, token, sessionHours * 3600, secure);
      return grant.view;
    },
  );

  app.get(
    '/session',
    { schema: { hide: true }, config: allow('viewer', anyStage) },
    async (request) => consoleGrantOf(request).view,
  );

  app.delete('/session', { schema: { hide: true }, config: allow('viewer', anyStage) }, async (request, reply) => {
    await sessions.signOut(consoleGrantOf(request));
    clearConsoleCookie(reply, secure);
    return reply.code(204).send();
  });

  app.post(
    '/session/totp',
    { schema: { hide: true, body: Code }, config: allow('viewer', ['totp']) },
    async (request) => sessions.verifyTotp(consoleGrantOf(request), request.body.code, request.ip),
  );

  app.post(
    '/session/totp/enrollment',
    { schema: { hide: true }, config: allow('viewer', enrolling) },
    async (request) => sessions.startEnrollment(consoleGrantOf(request)),
  );

  app.post(
    '/session/totp/enrollment/confirm',
    { schema: { hide: true, body: Code }, config: allow('viewer', enrolling) },
    async (request) => sessions.confirmEnrollment(consoleGrantOf(request), request.body.code),
  );
};
