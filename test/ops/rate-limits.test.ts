import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer, type TestServer } from '../support/test-server.js';
import { flushTestRedis, redisUnavailableReason, testRedisUrl } from './redis.js';

// The counters live in the database (SQLite, PostgreSQL) or in Redis; every backend gets the same suite.
const redisReason = await redisUnavailableReason();
if (redisReason) console.warn(`Skipping the Redis runs: ${redisReason}.`);
else await flushTestRedis();
const backends = [
  ...storeKinds.filter((kind) => kind !== 'postgres+s3').map((kind) => ({ name: kind, kind, env: {} })),
  ...(redisReason ? [] : [{ name: 'redis', kind: 'sqlite' as const, env: { REDIS_URL: testRedisUrl } }]),
];

const limits = {
  OPENASSURE_RATE_LIMIT_PER_MINUTE: '5',
  OPENASSURE_TOKEN_FAILURES_BEFORE_DELAY: '2',
  OPENASSURE_TOKEN_FAILURES_BEFORE_LOCK: '5',
  OPENASSURE_TOKEN_LOCK_MINUTES: '15',
  // Each test speaks from addresses of its own (X-Forwarded-For), so that runs never share a counter.
  OPENASSURE_TRUST_PROXY: 'true',
};

const freshAddress = () => `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;

describe.each(backends)('rate limits with counters on $name', ({ kind, env }) => {
  const server = useTestServer(kind, { ...env, ...limits });

  const tokenRequest = (clientId: string, secret: string, address: string) =>
    fetch(`${server().baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
    });

  const list = (s: TestServer, token: string) =>
    fetch(`${s.baseUrl}/assure/dossiers`, { headers: { authorization: `Bearer ${token}` } });

  it('answers 429 with Retry-After past a client’s requests per minute, for that client only, until the minute ends', async () => {
    const s = server();
    const mine = await s.newClient();
    const theirs = await s.newClient();
    const [myToken, theirToken] = [
      await s.token(mine.clientId, mine.clientSecret),
      await s.token(theirs.clientId, theirs.clientSecret),
    ];
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await list(s, myToken);
      expect(response.status).toBe(200);
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);

    const refused = await list(s, myToken);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 429, title: 'Too Many Requests', type: 'base:client-problem' });
    expect(body.traceId).toBe(refused.headers.get('x-trace-id'));
    expect(body).toHaveProperty('instance', '/assure/dossiers');

    // Another client has its own allowance.
    expect((await list(s, theirToken)).status).toBe(200);
    // The next minute starts afresh.
    s.clock.advance(retryAfter * 1000);
    expect((await list(s, myToken)).status).toBe(200);
  });

  it('slows down repeated wrong secrets for a client id, then refuses it (even with the right secret) for a while', async () => {
    const s = server();
    const victim = await s.newClient();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      // From a new address each time: the client id alone is what gets locked.
      const wrong = await tokenRequest(victim.clientId, 'not-the-secret', freshAddress());
      times.push(performance.now() - started);
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    }
    // Failure 5 is three past the free two: it is answered no sooner than 3 x 100 ms (a lower bound,
    // which a loaded machine can only make longer).
    expect(times[4]!).toBeGreaterThanOrEqual(295);

    const refused = await tokenRequest(victim.clientId, victim.clientSecret, freshAddress());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });

    // Another client is not affected.
    const bystander = await s.newClient();
    expect((await tokenRequest(bystander.clientId, bystander.clientSecret, freshAddress())).status).toBe(200);

    // After the lock, the right secret works again.
    s.clock.advance(15 * 60_000 + 1000);
    expect((await tokenRequest(victim.clientId, victim.clientSecret, freshAddress())).status).toBe(200);
  });

  it('refuses an address that guesses at many client ids, for every client id', async () => {
    const s = server();
    const address = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect((await tokenRequest(`guess-${randomBytes(4).toString('hex')}`, 'x', address)).status).toBe(401);
    }
    const someone = await s.newClient();
    const refused = await tokenRequest(someone.clientId, someone.clientSecret, address);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // The same client from elsewhere is fine.
    expect((await tokenRequest(someone.clientId, someone.clientSecret, freshAddress())).status).toBe(200);
  });

  it('stops 300 wrong secrets in a row long before the 300th', async () => {
    const s = server();
    const victim = await s.newClient();
    const address = freshAddress();
    const statuses: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 300; i++) {
      statuses.push((await tokenRequest(victim.clientId, `guess-${i}`, address)).status);
    }
    const elapsed = performance.now() - started;
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(295);
    expect(elapsed).toBeLessThan(20_000);
  });
});
