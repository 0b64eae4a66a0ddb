import { Type, type TSchema, type TUnsafe } from 'typebox';
import { errorCodes } from '../../core/errors.js';

/** A string enum rendered as `{"type":"string","enum":[...]}`, as in the upstream document. */
export function StringEnum<const T extends readonly string[]>(
  values: T,
  options: Record<string, unknown> = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export const Timestamp = Type.String({
  description: 'ISO-8601 date-time in UTC (YYYY-MM-DDThh:mm:ssZ).',
  examples: ['2022-01-01T09:00:00Z'],
});

export const Uuid = Type.String({ maxLength: 64, description: 'An id returned by this API.' });

export const ErrorResponse = Type.Object(
  {
    instance: Type.String({ description: 'Path of the endpoint called.' }),
    method: Type.String(),
    status: Type.Integer(),
    type: Type.String({ examples: ['base:client-problem'] }),
    title: Type.String(),
    detail: Type.String(),
    timestamp: Timestamp,
    traceId: Type.String({ description: 'Also in the server log line of this request.' }),
  },
  { $id: 'ErrorResponse', description: 'The error body of every failed request.' },
);

const errorStatusDescriptions: Record<number, string> = {
  400: 'The request is not valid; `detail` names the field.',
  401: 'The Bearer token is missing or not valid.',
  404: 'The resource does not exist (or belongs to another client).',
  409: 'The resource is not in a state that allows this request.',
  413: 'The request body is too large.',
  415: 'The request body has an unsupported content type.',
};

/** Response schemas for the given error statuses, all in the upstream error shape. */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const known = new Set<number>(Object.values(errorCodes).map((c) => c.status));
  return Object.fromEntries(
    statuses.map((status) => {
      if (!known.has(status)) throw new Error(`No error code answers with ${status}.`);
      return [status, Type.Ref('ErrorResponse', { description: errorStatusDescriptions[status] ?? 'Error' })];
    }),
  );
}

const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** A response without a body (201 and 204 answers). */
export const NoContent = (description: string) => Type.Unsafe<undefined>({ description });

/** The 200 schema of a route that answers with image bytes. */
export const imageResponse = {
  description: 'The image bytes, with the content type of the image (image/jpeg or image/png).',
  content: {
    'image/jpeg': { schema: Binary },
    'image/png': { schema: Binary },
  },
};

export const DossierIdParams = Type.Object({ dossierId: Uuid });
export const ProcessIdParams = Type.Object({ dossierId: Uuid, processId: Uuid });
