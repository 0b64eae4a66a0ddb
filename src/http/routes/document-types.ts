import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, NoContent } from '../schemas/common.js';
import type { Services } from '../../services/create-services.js';

const DocumentType = Type.Object({
  country: Type.String({ description: 'Issuing country (ISO 3166-1 alpha-3).', examples: ['DEU'] }),
  countryName: Type.String({ examples: ['Germany'] }),
  type: Type.String({ description: 'The document type, as documentType takes it.', examples: ['passport'] }),
  id: Type.Integer({ description: 'Stable id of the document, as allowedIdTypes takes it.', examples: [109] }),
  name: Type.String({ examples: ['Passport (Germany)'] }),
  subType: Type.String({ examples: ['Passport'] }),
  icao: Type.Optional(Type.String({ description: 'ICAO 9303 format (TD1, TD3), when it has one.', examples: ['TD3'] })),
});

export const documentTypeRoutes: FastifyPluginAsyncTypebox<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/:providerName/document-types',
    {
      schema: {
        tags: ['Assure'],
        operationId: 'getDocumentTypes',
        summary: 'The documents a provider accepts',
        params: Type.Object({ providerName: Type.String({ maxLength: 100 }) }),
        response: {
          200: Type.Array(DocumentType),
          204: NoContent('The provider identifies people without a document.'),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request, reply) => {
      const documents = services.documentTypes.list(request.params.providerName);
      if (documents.length === 0) return reply.code(204).send();
      return documents;
    },
  );
};
