import { Ajv, type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

function buildAjv(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, useDefaults: true, removeAdditional: false, allErrors: false, ...options });
  addFormats.default(ajv);
  return ajv;
}

/**
 * JSON bodies are validated without type coercion (a number is not a name, a string is not a list),
 * while query strings and path parameters, which are text by nature, are coerced to the schema's types
 * (`?offset=10` is a number, a single `?status=x` is a list).
 */
export function registerValidation(app: FastifyInstance): void {
  const bodies = buildAjv({ coerceTypes: false });
  const text = buildAjv({ coerceTypes: 'array' });
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies : text).compile(schema));
}
