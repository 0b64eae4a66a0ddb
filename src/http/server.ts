import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ClientDirectory } from '../auth/client-directory.js';
import type { KeyRing } from '../auth/key-ring.js';
import type { TokenService } from '../auth/token-service.js';
import { AppError } from '../core/errors.js';
import { newTraceId } from '../core/ids.js';
import type { ClientRateLimit } from '../limits/client-limit.js';
import type { TokenGuard } from '../limits/token-guard.js';
import { lazyChildLogger } from '../logging/lazy-child.js';
import type { Logger } from '../logging/logger.js';
import type { ClientService } from '../services/clients.js';
import type { Store } from '../store/store.js';
import { requireBearerToken } from './plugins/auth.js';
import { registerErrorHandling } from './plugins/errors.js';
import { idempotentPosts } from './plugins/idempotency.js';
import { httpLogger } from './plugins/request-log.js';
import { metricsRoute, recordRequestMetrics } from './plugins/request-metrics.js';
import type { Metrics } from '../metrics/registry.js';
import { limitClientRequests } from './plugins/rate-limit.js';
import { clientErrorHandler, expectationFailed, frameworkErrorHandler } from './plugins/framework-errors.js';
import { registerJsonParser } from './plugins/json-body.js';
import { registerValidation } from './plugins/validation.js';
import { openApiOptions } from './openapi.js';
import { authRoutes } from './routes/auth.js';
import { captureConfigurationRoutes } from './routes/capture-configurations.js';
import { chipRoutes } from './routes/chip.js';
import { captureFlowRoutes } from './routes/capture-flow.js';
import { captureApiRoutes } from './routes/capture-api.js';
import { captureAppRoutes } from './routes/capture-app.js';
import { connectCallbackRoutes, connectStartRoutes } from './routes/connect-callback.js';
import { connectMethodRoutes } from './routes/connect-methods.js';
import { consoleApiRoutes } from './console/api.js';
import { consoleAppRoutes } from './console/app-routes.js';
import { consoleSsoRoutes } from './console/sso-routes.js';
import { documentTypeRoutes } from './routes/document-types.js';
import { dossierRoutes } from './routes/dossiers.js';
import { fileRoutes } from './routes/files.js';
import { healthRoutes, type ReadinessCheck } from './routes/health.js';
import { matchingRoutes } from './routes/matching.js';
import { processImageRoutes } from './routes/process-images.js';
import { processListRoutes } from './routes/process-list.js';
import { processResultRoutes } from './routes/process-results.js';
import { processRoutes } from './routes/processes.js';
import { redactionRoutes } from './routes/redaction.js';
import { sandboxPageRoutes } from './routes/sandbox-pages.js';
import { sandboxRoutes } from './routes/sandbox.js';
import type { Clock } from '../core/time.js';
import type { Services } from '../services/create-services.js';
import { userDataRoutes } from './routes/user-data.js';
import { watermarkRoutes } from './routes/watermark.js';
import { webhookRoutes } from './routes/webhooks.js';
import { ErrorResponse } from './schemas/common.js';

export interface HttpDeps {
  logger: Logger;
  publicUrl: string;
  issuer: string;
  trustProxy: boolean;
  store: Store;
  clients: ClientService;
  clientDirectory: ClientDirectory;
  tokens: TokenService;
  keys: KeyRing;
  services: Services;
  clock: Clock;
  /** The capture app's build (`web/capture/dist`). */
  captureAppDir: string;
  console: { appDir: string; sessionHours: number };
  limits: { clients: ClientRateLimit; tokens: TokenGuard };
  metrics: Metrics;
  /** What /readyz checks: each answers or throws. */
  readiness: ReadinessCheck[];
  /** Whether this server answers `GET /metrics` itself (metrics on, and no separate metrics port). */
  serveMetrics: boolean;
}

/** The HTTP server: Assure routes under /assure behind a Bearer token, OAuth, health and the API reference. */
export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: httpLogger(deps.logger) as FastifyBaseLogger,
    genReqId: () => newTraceId(),
    logController: new LogController({ requestIdLogLabel: 'traceId' }),
    childLoggerFactory: (logger, bindings, options) => lazyChildLogger(logger as Logger, bindings, options),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Behind a proxy (OPENASSURE_TRUST_PROXY), request.ip is the client's address from X-Forwarded-For:
    // the token endpoint's lockout counts per address.
    trustProxy: deps.trustProxy,
    // Requests refused before any route runs still get the upstream error shape.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler: clientErrorHandler(deps.logger),
    // Node would refuse a request without Host with a bare 400; the onRequest hook below refuses it
    // in the upstream shape instead.
    http: { requireHostHeader: false },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.server.on('checkExpectation', expectationFailed);

  app.addSchema(ErrorResponse);
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-trace-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    if (request.headers.host === undefined && request.raw.httpVersion === '1.1') {
      return done(new AppError('bad_request', 'An HTTP/1.1 request needs a Host header.'));
    }
    done();
  });
  recordRequestMetrics(app, deps.metrics);
  registerErrorHandling(app);
  registerJsonParser(app);
  registerValidation(app);

  await app.register(fastifySwagger, openApiOptions(deps.publicUrl));
  await app.register(fastifySwaggerUi, {
    routePrefix: '/assure/docs',
    uiConfig: { deepLinking: true, persistAuthorization: false },
    staticCSP: true,
  });
  app.get('/assure/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { checks: deps.readiness });
  if (deps.serveMetrics) await app.register(metricsRoute, { metrics: deps.metrics });
  await app.register(sandboxPageRoutes);
  await app.register(authRoutes, {
    clients: deps.clients,
    tokens: deps.tokens,
    keys: deps.keys,
    issuer: deps.issuer,
    guard: deps.limits.tokens,
  });
  // The hosted capture flow: the end-user's page and its API, outside the Bearer-token scope.
  await app.register(captureAppRoutes, {
    prefix: '/assure/capture',
    services: deps.services,
    appDir: deps.captureAppDir,
  });
  await app.register(captureApiRoutes, {
    prefix: '/assure/capture/api',
    services: deps.services,
    clock: deps.clock,
    secure: deps.publicUrl.startsWith('https:'),
  });
  // Live Connect logins: leaving the capture page for the issuer, coming back, and the clients' public keys.
  const connectOptions = { services: deps.services, secure: deps.publicUrl.startsWith('https:') };
  await app.register(connectStartRoutes, { prefix: '/assure/capture/connect', ...connectOptions });
  await app.register(connectCallbackRoutes, { prefix: '/assure/connect', ...connectOptions });
  // The operator console's API, authorised by the operator's session cookie only.
  await app.register(consoleApiRoutes, {
    prefix: '/console/api',
    services: deps.services,
    secure: deps.publicUrl.startsWith('https:'),
    sessionHours: deps.console.sessionHours,
  });
  await app.register(consoleAppRoutes, { prefix: '/console', appDir: deps.console.appDir });
  // Operators' single sign-on at an OpenID Provider, when it is set up (its own scope: no session yet).
  if (deps.services.consoleSso) {
    await app.register(consoleSsoRoutes, {
      prefix: '/console/api/sso',
      sso: deps.services.consoleSso,
      secure: deps.publicUrl.startsWith('https:'),
      sessionHours: deps.console.sessionHours,
    });
  }
  await app.register(
    async (assure) => {
      requireBearerToken(assure, deps.tokens, deps.clientDirectory);
      limitClientRequests(assure, { limit: deps.limits.clients, clock: deps.clock });
      idempotentPosts(assure, { store: deps.store, clock: deps.clock });
      const options = { services: deps.services };
      await assure.register(dossierRoutes, options);
      await assure.register(userDataRoutes, options);
      await assure.register(fileRoutes, options);
      await assure.register(processRoutes, options);
      await assure.register(processImageRoutes, options);
      await assure.register(processListRoutes, options);
      await assure.register(processResultRoutes, options);
      await assure.register(sandboxRoutes, options);
      await assure.register(webhookRoutes, options);
      await assure.register(matchingRoutes, options);
      await assure.register(watermarkRoutes, options);
      await assure.register(documentTypeRoutes, options);
      await assure.register(captureConfigurationRoutes, options);
      await assure.register(captureFlowRoutes, options);
      await assure.register(redactionRoutes, options);
      await assure.register(connectMethodRoutes, options);
      await assure.register(chipRoutes, options);
    },
    { prefix: '/assure' },
  );
  return app;
}
