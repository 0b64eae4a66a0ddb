import type { SwaggerOptions } from '@fastify/swagger';

/** The OpenAPI 3.1 document, generated from the route schemas. */
export function openApiOptions(publicUrl: string): SwaggerOptions {
  return {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenAssure: the Assure API (ID Document and Biometric Verification)',
        description:
          'An open-source server wire-compatible with the Assure API 1.0.0. Get a token from ' +
          '`POST /auth/open/connect/token` (client credentials) and send it as `Authorization: Bearer <token>`.',
        version: '1.0.0',
      },
      servers: [{ url: publicUrl }],
      tags: [
        { name: 'Authentication' },
        { name: 'Dossiers' },
        { name: 'Processes' },
        {
          name: 'Chip',
          description:
            'OpenAssure extension: chip files read by an app, verified offline (live processes of chip-reading providers).',
        },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === 'string' ? json.$id : `def-${index}`,
    },
  };
}
