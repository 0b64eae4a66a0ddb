/**
 * The baseline: a bare Fastify 5 route that answers a fixed JSON object, in a process of its own like
 * the OpenAssure server. Whatever OpenAssure does beyond this (auth, schemas, the database) is its cost.
 */
import Fastify from 'fastify';
import { announceReady, closeOnSigterm } from '../shared/child.js';

export interface BaselineSettings {
  /** The object to answer: the GET process response itself, so the bytes on the wire are the same. */
  body: Record<string, unknown>;
}

const { body } = JSON.parse(process.argv[2] ?? '{}') as BaselineSettings;
const app = Fastify({ logger: false });
app.get('/baseline', async () => body);
closeOnSigterm(() => app.close());
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (typeof address !== 'object' || address === null) throw new Error('The baseline server has no address.');
announceReady({ port: address.port });
