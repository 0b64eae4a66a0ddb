import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Clock } from '../../core/time.js';
import type { IdempotencyRecord } from '../../store/repositories/idempotency-records.js';
import type { Store } from '../../store/store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds while it runs, so that its answer is kept. */
    idempotencyKey: string | null;
  }
}

/** How long an answer is replayed. */
const ttlMs = 24 * 60 * 60_000;
/** A `running` key whose node died is taken over after this. */
const lockMs = 60_000;
/** A repeat that finds the first request still running waits this long for its answer, then gets a 409. */
const waitMs = 10_000;
const pollMs = 50;
/** Answers larger than this are not kept (no /assure POST answers with that much JSON). */
const maxStoredBody = 1024 * 1024;
const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * `Idempotency-Key` on the POSTs of this scope (behind requireBearerToken, which names the client the
 * keys belong to). The first request with a key runs; its answer (status and body; server errors
 * excepted) is replayed to every repeat with the same method, path and body for 24 hours, and a repeat
 * with anything else is a 422. A repeat arriving while the first still runs waits for its answer. The
 * record lives in the database, so every node sees the same keys.
 */
export function idempotentPosts(app: FastifyInstance, deps: { store: Store; clock: Clock }): void {
  const records = deps.store.repos.idempotency;
  let lastPrune = 0;
  app.decorateRequest('idempotencyKey', null);

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.caller === null) return;
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !keyPattern.test(header)) {
      throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
    }
    const clientId = request.caller.id;
    const fingerprint = fingerprintOf(request);
    const now = deps.clock.now();
    if (now - lastPrune > 10 * 60_000) {
      lastPrune = now;
      records.prune(now).catch((error: unknown) => request.log.warn({ err: error }, 'idempotency prune failed'));
    }
    if (await records.claim(clientId, header, fingerprint, now, lockMs, ttlMs)) {
      request.idempotencyKey = header;
      return;
    }
    // Waiting is real elapsed time (monotonic), not the clock of record, which tests move by hand.
    const deadline = performance.now() + waitMs;
    for (;;) {
      const seen = await records.find(clientId, header);
      const at = deps.clock.now();
      const gone = seen === undefined || seen.expiresAt <= at || (seen.state === 'running' && seen.lockedUntil <= at);
      if (gone) {
        const taken = seen
          ? await records.takeOver(clientId, header, seen, fingerprint, at, lockMs, ttlMs)
          : await records.claim(clientId, header, fingerprint, at, lockMs, ttlMs);
        if (taken) {
          request.idempotencyKey = header;
          return;
        }
        continue;
      }
      if (seen.fingerprint !== fingerprint) {
        throw new AppError(
          'idempotency_key_reused',
          'This Idempotency-Key was used with another request (method, path or body); use a new key.',
        );
      }
      if (seen.state === 'done') return replay(reply, seen);
      if (performance.now() >= deadline) {
        throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running.', {
          headers: { 'retry-after': '1' },
        });
      }
      await sleep(pollMs);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (key === null || request.caller === null) return payload;
    request.idempotencyKey = null;
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    // Server errors are not replayed (a retry should run again); neither are streams or huge answers.
    if (reply.statusCode >= 500 || body === null || body.length > maxStoredBody) {
      await records.release(request.caller.id, key);
      return payload;
    }
    const contentType = reply.getHeader('content-type');
    await records.complete(request.caller.id, key, {
      statusCode: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : null,
      body,
    });
    return payload;
  });
}

function fingerprintOf(request: FastifyRequest): string {
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  return createHash('sha256').update(`${request.method}\0${request.url}\0${body}`).digest('base64url');
}

function replay(reply: FastifyReply, record: IdempotencyRecord): FastifyReply {
  if (record.contentType !== null) void reply.header('content-type', record.contentType);
  return reply
    .code(record.statusCode ?? 200)
    .header('idempotent-replayed', 'true')
    .send(record.body ?? '');
}
