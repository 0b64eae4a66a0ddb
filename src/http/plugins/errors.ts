import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../../core/errors.js';
import { InvalidTransitionError } from '../../core/process-status.js';
import { echoablePath, errorBody } from './error-body.js';

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * Sends an error in the upstream shape. `instance` is the request's path when it is a plain one, else
 * empty (see `echoablePath`).
 */
function sendError(request: FastifyRequest, reply: FastifyReply, code: ErrorCode, detail: string): FastifyReply {
  const instance = echoablePath(request.url) ?? '';
  const body = errorBody(code, detail, { instance, method: request.method, traceId: request.id });
  return reply.code(body.status).type('application/json; charset=utf-8').send(body);
}

/** Names the field of each schema violation, e.g. "body.userData.gender must be equal to one of: M, F". */
function describeValidation(context: string, issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => {
      const path = [context, ...issue.instancePath.split('/').filter(Boolean)].join('.');
      if (issue.keyword === 'required') return `${path}.${String(issue.params.missingProperty)} is required.`;
      if (issue.keyword === 'enum') {
        const allowed = (issue.params.allowedValues as unknown[]).map((v) => (v === '' ? '""' : String(v)));
        return `${path} must be one of: ${allowed.join(', ')}.`;
      }
      return `${path} ${issue.message ?? 'is not valid'}.`;
    })
    .join(' ');
}

const frameworkCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
};

/**
 * Every error leaves in the upstream shape. Expected errors say what is wrong; anything else is a 500
 * whose details go to the log under the traceId and nowhere else.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      void reply.headers(error.headers);
      return sendError(request, reply, error.code, error.detail);
    }
    if (error.validation) {
      const detail = describeValidation(error.validationContext ?? 'request', error.validation as ValidationIssue[]);
      return sendError(request, reply, 'validation_failed', detail);
    }
    const frameworkCode = error.code ? frameworkCodes[error.code] : undefined;
    if (frameworkCode === 'payload_too_large') {
      return sendError(request, reply, frameworkCode, 'The request body is larger than this endpoint accepts.');
    }
    if (frameworkCode === 'unsupported_media_type') {
      return sendError(request, reply, frameworkCode, `Send the body as ${acceptedMediaTypes(request)}.`);
    }
    if (frameworkCode !== undefined || (error instanceof SyntaxError && error.statusCode === 400)) {
      return sendError(request, reply, 'bad_request', 'The request body is not valid JSON.');
    }
    // Other request errors the framework or Node raise with a 400, e.g. a body whose sender hung up.
    if (error.statusCode === 400) {
      return sendError(request, reply, 'bad_request', 'The request could not be read.');
    }
    if (error instanceof InvalidTransitionError) {
      return sendError(request, reply, 'conflict', error.message);
    }
    request.log.error({ err: error, traceId: request.id }, 'request failed');
    return sendError(
      request,
      reply,
      'internal',
      `Something went wrong on our side. Quote traceId ${request.id} when reporting it.`,
    );
  });

  app.setNotFoundHandler((request, reply) => {
    const path = echoablePath(request.url);
    const detail =
      path === undefined ? 'There is no such endpoint.' : `There is no ${request.method} ${path} endpoint.`;
    return sendError(request, reply, 'route_not_found', detail);
  });
}

/** The body types a route declares (`schema.consumes`); JSON unless it says otherwise. */
function acceptedMediaTypes(request: FastifyRequest): string {
  const consumes: unknown = request.routeOptions.schema?.consumes;
  return Array.isArray(consumes) && consumes.length > 0 ? consumes.join(' or ') : 'application/json';
}
