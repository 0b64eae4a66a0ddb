import type { FastifyReply } from 'fastify';
import type { StreamedContent } from '../services/dossier-files.js';

/**
 * Sends a stored image or video as it is read from the blob store. The length is known from its row,
 * so a client sees a download cut short (a failed read mid-way closes the connection) as incomplete.
 */
export function sendStreamed(reply: FastifyReply, content: StreamedContent): FastifyReply {
  return reply
    .type(content.contentType)
    .header('content-length', content.size)
    .header('cache-control', 'no-store')
    .send(content.stream);
}
