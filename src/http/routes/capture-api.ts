import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError } from '../../core/errors.js';
import type { Clock } from '../../core/time.js';
import type { Services } from '../../services/create-services.js';
import { imageLimits } from '../../services/uploads/limits.js';
import { grantOf, requireCaptureSession, sessionTokenOf, setSessionCookie } from '../plugins/capture-session.js';
import {
  DocumentChoice,
  ExchangeRequest,
  FontParams,
  HandoverRequestBody,
  HandoverResponse,
  OutcomeRequest,
  RedirectResponse,
  SessionResponse,
  StepParams,
  UploadQuery,
  UploadResponse,
  VideoQuery,
  VideoResponse,
} from '../schemas/capture-api.js';
import { errorResponses } from '../schemas/common.js';

interface CaptureApiOptions {
  services: Services;
  clock: Clock;
  /** Whether the public URL is https: the cookie is then Secure. */
  secure: boolean;
}

const tags = ['Capture app (extension)'];

/**
 * The capture app's own API, for the end-user's browser only: authorised by the session cookie a
 * capture link was exchanged for, never by a client's token. Not part of the upstream API.
 */
export const captureApiRoutes: FastifyPluginAsyncTypebox<CaptureApiOptions> = async (app, options) => {
  const { services, clock, secure } = options;
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('cache-control', 'no-store');
  });
  // A page on another site cannot make the browser act here: browsers say where a request comes from.
  app.addHook('onRequest', async (request) => {
    const site = request.headers['sec-fetch-site'];
    if (request.method !== 'GET' && site !== undefined && site !== 'same-origin') {
      throw new AppError('capture_csrf', 'The capture API only takes requests from the capture page itself.');
    }
  });

  app.post(
    '/session',
    {
      schema: {
        tags,
        summary: 'Exchange a capture link for a session cookie (once); the same browser may come back',
        body: ExchangeRequest,
        response: { 200: SessionResponse, ...errorResponses(400, 404, 410) },
      },
    },
    async (request, reply) => {
      const grant = await services.captureSessions.exchange(request.body.artifact, sessionTokenOf(request));
      if (grant.newToken !== undefined) {
        setSessionCookie(reply, grant.newToken, grant.expiresAt, clock.now(), {
          secure,
          embedded: grant.requestDomain !== null,
        });
      }
      return services.captureSteps.view(grant);
    },
  );

  await app.register(async (scope) => {
    requireCaptureSession(scope, services);
    const session = scope.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(
      ['image/jpeg', 'image/png'],
      { parseAs: 'buffer', bodyLimit: imageLimits.maxBytes + 1 },
      (_request, body, done) => done(null, body),
    );
    scope.addContentTypeParser(
      ['video/webm', 'video/mp4'],
      { parseAs: 'buffer', bodyLimit: services.captureVideo.maxBytes + 1 },
      (_request, body, done) => done(null, body),
    );

    session.get(
      '/session',
      {
        schema: {
          tags,
          summary: 'Where the capture stands',
          response: { 200: SessionResponse, ...errorResponses(401) },
        },
      },
      async (request) => services.captureSteps.view(grantOf(request)),
    );

    session.put(
      '/session/document',
      {
        schema: {
          tags,
          summary: 'Choose the document',
          body: DocumentChoice,
          response: { 200: SessionResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => services.captureSteps.chooseDocument(grantOf(request), request.body),
    );

    session.post(
      '/session/images/:step',
      {
        bodyLimit: imageLimits.maxBytes + 1,
        schema: {
          tags,
          summary: 'Hand in an image (JPEG or PNG bytes); the checks may ask for another',
          params: StepParams,
          querystring: UploadQuery,
          response: { 200: UploadResponse, ...errorResponses(400, 401, 403, 409, 413, 415) },
        },
      },
      async (request) => {
        if (!Buffer.isBuffer(request.body)) {
          throw new AppError('unsupported_media_type', 'Send the image itself as image/jpeg or image/png.');
        }
        return services.captureSteps.upload(
          grantOf(request),
          request.params.step,
          request.body,
          request.query.source ?? 'upload',
        );
      },
    );

    session.post(
      '/session/video',
      {
        bodyLimit: services.captureVideo.maxBytes + 1,
        schema: {
          tags,
          summary: 'Hand in the selfie video (WebM or MP4 bytes); a new one replaces the last',
          querystring: VideoQuery,
          response: { 200: VideoResponse, ...errorResponses(400, 401, 403, 409, 413, 415) },
        },
      },
      async (request) => {
        const contentType = videoTypeOf(request.headers['content-type']);
        if (!Buffer.isBuffer(request.body) || contentType === undefined) {
          throw new AppError('unsupported_media_type', 'Send the video itself as video/webm or video/mp4.');
        }
        return services.captureVideo.upload(grantOf(request), request.body, contentType, request.query.durationMs);
      },
    );

    session.post(
      '/session/finish',
      {
        schema: {
          tags,
          summary: 'Finish: the verification starts; where to send the end-user',
          response: { 200: RedirectResponse, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => services.captureSteps.finish(grantOf(request)),
    );

    session.post(
      '/session/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel: the process is canceled; where to send the end-user',
          response: { 200: RedirectResponse, ...errorResponses(401, 403, 409) },
        },
      },
      async (request) => services.captureSteps.cancel(grantOf(request)),
    );

    session.post(
      '/session/sandbox-outcome',
      {
        schema: {
          tags,
          summary: "Sandbox provider page: finish with a scenario of the provider's",
          body: OutcomeRequest,
          response: { 200: RedirectResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => services.captureSteps.sandboxOutcome(grantOf(request), request.body.scenarioId),
    );

    session.post(
      '/session/handover',
      {
        schema: {
          tags,
          summary: 'A single-use link (and its QR code) to continue on a phone, or have it texted',
          body: HandoverRequestBody,
          response: { 200: HandoverResponse, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (request) => services.captureHandover.start(grantOf(request), request.body),
    );

    const themeOf = async (grant: ReturnType<typeof grantOf>) =>
      (await services.captureSteps.load(grant.caller)).flow.settings;

    session.get('/theme/font.css', { schema: { hide: true } }, async (request, reply) =>
      reply.type('text/css; charset=utf-8').send(await services.captureTheme.fontCss(await themeOf(grantOf(request)))),
    );
    session.get('/theme/fonts/:index', { schema: { hide: true, params: FontParams } }, async (request, reply) => {
      const file = await services.captureTheme.fontFile(await themeOf(grantOf(request)), request.params.index);
      return reply.type(file.contentType).send(file.bytes);
    });
    session.get('/theme/favicon', { schema: { hide: true } }, async (request, reply) => {
      const icon = await services.captureTheme.favicon(await themeOf(grantOf(request)));
      return reply.type(icon.contentType).send(icon.bytes);
    });
    session.get('/theme/custom.css', { schema: { hide: true } }, async (request, reply) =>
      reply.type('text/css; charset=utf-8').send(services.captureTheme.customCss(await themeOf(grantOf(request)))),
    );
  });
};

/** The video container a Content-Type names (its parameters, such as codecs, aside). */
function videoTypeOf(header: string | undefined): 'video/webm' | 'video/mp4' | undefined {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return type === 'video/webm' || type === 'video/mp4' ? type : undefined;
}
