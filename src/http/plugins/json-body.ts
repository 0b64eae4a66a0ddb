import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import { maxJsonDepth, nestedDeeperThan } from './json-depth.js';

/**
 * JSON bodies (only) with Fastify's own parser (which refuses __proto__ and constructor pollution), except
 * that an empty body counts as `{}`: upstream's own examples POST with a JSON content type and no body.
 * A body nested deeper than `maxJsonDepth` is refused here, before validation or any handler sees it.
 */
export function registerJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  // The API speaks JSON only; a text/plain body is a 415, not a string that fails validation later.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') {
      done(null, {});
      return;
    }
    parseJson(request, body as string, (error, parsed) => {
      if (error) return done(error);
      if (nestedDeeperThan(parsed, maxJsonDepth)) {
        return done(new AppError('bad_request', `The JSON body is nested deeper than ${maxJsonDepth} levels.`));
      }
      done(null, parsed);
    });
  });
}

/**
 * Route hook for endpoints whose body is optional: upstream clients POST them with no body and no
 * content type at all, which counts as an empty JSON object.
 */
export function emptyBodyAsObject(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  if (request.body === undefined) request.body = {};
  done();
}
