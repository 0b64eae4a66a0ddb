import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkAddress } from './address-policy.js';
import type { Resolver } from './guarded-lookup.js';
import { createSafeFetch, SafeFetchError, type SafeFetch } from './safe-fetch.js';

interface Receiver {
  port: number;
  hits: IncomingMessage[];
  server: Server;
}

async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<Receiver> {
  const hits: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    hits.push(req);
    handle(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { port: (server.address() as AddressInfo).port, hits, server };
}

async function stop(r: Receiver): Promise<void> {
  r.server.closeAllConnections();
  await new Promise((resolve) => r.server.close(resolve));
}

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error: unknown = await promise.then(
    () => new Error('expected the request to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof SafeFetchError)) throw error;
  return error;
}

const resolveTo =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) =>
    (table[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('checkAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['2002:a9fe:a9fe::', '6to4'],
    ['64:ff9b::a9fe:a9fe', 'rfc6052'],
    ['2001:0::1', 'teredo'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['fd00::1', 'uniqueLocal'],
    ['198.18.0.1', 'reserved'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['not-an-address', 'invalid'],
  ])('refuses %s (%s)', (address, range) => {
    expect(checkAddress(address, false)).toEqual({ allowed: false, range });
  });

  it.each(['93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('allows the public address %s', (address) => {
    expect(checkAddress(address, false).allowed).toBe(true);
  });

  it('opens private, loopback and unique-local ranges with allowPrivate, but never link-local', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.1', '192.168.1.2', 'fd00::1', '::ffff:127.0.0.1']) {
      expect(checkAddress(address, true).allowed, address).toBe(true);
    }
    for (const address of ['169.254.169.254', '::ffff:169.254.169.254', '2002:a9fe:a9fe::', '100.64.0.1']) {
      expect(checkAddress(address, true).allowed, address).toBe(false);
    }
  });
});

describe('createSafeFetch', () => {
  let target: Receiver;
  const clients: SafeFetch[] = [];
  const client = (options: Parameters<typeof createSafeFetch>[0]) => {
    const created = createSafeFetch(options);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    target = await receiver((_req, res) => res.end('ok'));
  });
  afterEach(() => {
    target.hits.length = 0;
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await stop(target);
  });

  it.each([
    '127.0.0.1',
    '[::1]',
    '10.0.0.1',
    '169.254.169.254',
    '[::ffff:169.254.169.254]',
    '[2002:a9fe:a9fe::]',
    '[64:ff9b::a9fe:a9fe]',
    '100.64.0.1',
    '[fd00::1]',
    '198.18.0.1',
    '0x7f000001',
    '2130706433',
  ])('refuses the literal host %s without connecting', async (host) => {
    const error = await failure(
      client({ allowPrivate: false }).fetch({ url: `http://${host}:${target.port}/hook`, timeoutMs: 2000 }),
    );
    expect(error.kind).toBe('refused_address');
    expect(target.hits).toHaveLength(0);
  });

  it('refuses a name that resolves to a loopback address, when the socket connects', async () => {
    const http = client({ allowPrivate: false, resolver: resolveTo({ 'rebound.example': ['127.0.0.1'] }) });
    const error = await failure(http.fetch({ url: `http://rebound.example:${target.port}/`, timeoutMs: 2000 }));
    expect(error.kind).toBe('refused_address');
    expect(error.message).toContain('rebound.example: it resolves to 127.0.0.1 (loopback)');
    expect(target.hits).toHaveLength(0);
  });

  it('refuses a name when any one of its addresses is not public', async () => {
    const http = client({
      allowPrivate: false,
      resolver: resolveTo({ 'mixed.example': ['93.184.215.14', '::ffff:10.1.2.3'] }),
    });
    const error = await failure(http.fetch({ url: 'https://mixed.example/', timeoutMs: 2000 }));
    expect(error.kind).toBe('refused_address');
  });

  it('refuses other schemes and URLs with credentials', async () => {
    const http = client({ allowPrivate: true });
    expect((await failure(http.fetch({ url: 'ftp://example.com/x', timeoutMs: 1000 }))).kind).toBe('refused_scheme');
    expect((await failure(http.fetch({ url: 'file:///etc/passwd', timeoutMs: 1000 }))).kind).toBe('refused_scheme');
    const withUser = await failure(http.fetch({ url: `http://u:p@127.0.0.1:${target.port}/`, timeoutMs: 1000 }));
    expect(withUser.kind).toBe('invalid_url');
    expect((await failure(http.fetch({ url: 'not a url', timeoutMs: 1000 }))).kind).toBe('invalid_url');
    expect(target.hits).toHaveLength(0);
  });

  it('reaches loopback with allowPrivate, by address and by a name resolved at connect time', async () => {
    const http = client({ allowPrivate: true, resolver: resolveTo({ 'receiver.test': ['127.0.0.1'] }) });
    const direct = await http.fetch({
      url: `http://127.0.0.1:${target.port}/a`,
      method: 'POST',
      body: '{}',
      timeoutMs: 2000,
    });
    expect(direct).toMatchObject({ status: 200, body: 'ok', truncated: false });
    const named = await http.fetch({ url: `http://receiver.test:${target.port}/b`, timeoutMs: 2000 });
    expect(named.status).toBe(200);
    expect(target.hits.map((h) => [h.method, h.url, h.headers.host])).toEqual([
      ['POST', '/a', `127.0.0.1:${target.port}`],
      ['GET', '/b', `receiver.test:${target.port}`],
    ]);
  });

  it('reports names that do not resolve', async () => {
    const http = client({ allowPrivate: true, resolver: resolveTo({}) });
    expect((await failure(http.fetch({ url: 'http://nowhere.test/', timeoutMs: 2000 }))).kind).toBe('dns_failed');
  });

  it('does not follow a redirect', async () => {
    const redirecting = await receiver((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/elsewhere` }).end();
    });
    try {
      const response = await client({ allowPrivate: true }).fetch({
        url: `http://127.0.0.1:${redirecting.port}/`,
        method: 'POST',
        body: '{}',
        timeoutMs: 2000,
      });
      expect(response.status).toBe(302);
      expect(response.headers.location).toBe(`http://127.0.0.1:${target.port}/elsewhere`);
      expect(redirecting.hits).toHaveLength(1);
      expect(target.hits).toHaveLength(0);
    } finally {
      await stop(redirecting);
    }
  });

  it('times out a server that does not answer, and one that stalls in the middle of its body', async () => {
    const silent = await receiver(() => undefined);
    const stalling = await receiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    try {
      const http = client({ allowPrivate: true });
      const started = performance.now();
      const error = await failure(http.fetch({ url: `http://127.0.0.1:${silent.port}/`, timeoutMs: 300 }));
      expect(error.kind).toBe('timeout');
      expect(performance.now() - started).toBeLessThan(2000);
      expect((await failure(http.fetch({ url: `http://127.0.0.1:${stalling.port}/`, timeoutMs: 300 }))).kind).toBe(
        'timeout',
      );
    } finally {
      await Promise.all([stop(silent), stop(stalling)]);
    }
  });

  it('gives up connecting after the connect timeout', async () => {
    const http = client({ allowPrivate: true, connectTimeoutMs: 200, resolver: () => new Promise(() => undefined) });
    const error = await failure(http.fetch({ url: 'http://hanging.test/', timeoutMs: 5000 }));
    expect(error.kind).toBe('connect_timeout');
  });

  it('cuts a huge body at the cap and drops the connection', async () => {
    let written = 0;
    const endless = await receiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        // Writes until the client goes away: only an aborted read lets this test finish.
        while (!res.destroyed && written < 512 * 1024 * 1024 && res.write(chunk)) written += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    try {
      const response = await client({ allowPrivate: true, maxBodyBytes: 64 * 1024 }).fetch({
        url: `http://127.0.0.1:${endless.port}/`,
        timeoutMs: 5000,
      });
      expect(response.status).toBe(200);
      expect(response.truncated).toBe(true);
      expect(response.body).toHaveLength(64 * 1024);
      expect(written).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await stop(endless);
    }
  });
});
