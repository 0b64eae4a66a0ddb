/**
 * The floor: a bare Fastify route that does only what GET process cannot avoid, one prepared
 * better-sqlite3 lookup of the same row in the same database file, and answers the same fields.
 * No auth, no service layers, no query builder. It shows how much of the gap to the baseline is
 * the database read itself.
 */
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import path from 'node:path';
import { announceReady, closeOnSigterm } from '../shared/child.js';

export interface FloorSettings {
  dataDir: string;
  clientId: string;
}

const { dataDir, clientId } = JSON.parse(process.argv[2] ?? '{}') as FloorSettings;
const db = new Database(path.join(dataDir, 'openassure.sqlite'), { readonly: true });
const lookup = db.prepare('select * from processes where id = ? and dossier_id = ? and client_id = ?');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 19) + 'Z';

const app = Fastify({ logger: false });
app.get<{ Params: { dossierId: string; processId: string } }>(
  '/assure/dossiers/:dossierId/processes/:processId',
  {
    schema: {
      params: { type: 'object', properties: { dossierId: { type: 'string' }, processId: { type: 'string' } } },
      response: {
        200: {
          type: 'object',
          properties: {
            processId: { type: 'string' },
            provider: { type: 'string' },
            processType: { type: 'string' },
            status: { type: 'string' },
            createdAt: { type: 'string' },
            updatedAt: { type: 'string' },
          },
        },
      },
    },
  },
  async (request, reply) => {
    const row = lookup.get(request.params.processId, request.params.dossierId, clientId) as
      Record<string, string | number> | undefined;
    if (!row) return reply.code(404).send();
    return {
      processId: row.id,
      provider: row.provider,
      processType: row.process_type,
      status: row.status,
      createdAt: iso(Number(row.created_at)),
      updatedAt: iso(Number(row.updated_at)),
    };
  },
);
closeOnSigterm(() => app.close());
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (typeof address !== 'object' || address === null) throw new Error('The floor server has no address.');
announceReady({ port: address.port });
