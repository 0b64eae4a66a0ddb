import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { jpegDataUrl } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Sends bytes fetch refuses to send (bad escapes, NUL, huge headers) and reads the whole answer. */
function rawRequest(baseUrl: string, request: Buffer | string): Promise<RawResponse> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const head = text.slice(0, split);
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: text.slice(split + 4) });
    });
  });
}

const get = (path: Buffer | string, headers = '') =>
  Buffer.concat([
    Buffer.from('GET '),
    Buffer.from(path),
    Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`),
  ]);

const upstreamKeys = ['detail', 'instance', 'method', 'status', 'timestamp', 'title', 'traceId', 'type'];

describe.each(storeKinds)('errors the framework and the HTTP parser raise, on %s', (kind) => {
  const server = useTestServer(kind);

  const cases: [string, Buffer | string, number, string][] = [
    ['a bad %-escape in the path', get('/assure/dossiers/%zz<script>'), 400, 'Bad Request'],
    ['a truncated %-escape', get('/%E0%A4%A'), 400, 'Bad Request'],
    ['a NUL byte in the path', get(Buffer.from('/assure/dossiers/a\u0000b<script>', 'latin1')), 400, 'Bad Request'],
    ['a 0xFF byte in the path', get(Buffer.from('/assure/dossiers/a\u00ffb<script>', 'latin1')), 400, 'Bad Request'],
    ['an over-long path parameter', get(`/assure/dossiers/${'a'.repeat(300)}<script>`), 414, 'URI Too Long'],
    ['headers over 16 KB', get('/assure/dossiers/<script>', `X-Padding: ${'a'.repeat(17_000)}\r\n`), 431, 'Request Header Fields Too Large'],
    ['a request line that is not HTTP', 'HELLO <script>\r\n\r\n', 400, 'Bad Request'],
    ['an Expect other than 100-continue', 'POST /assure/dossiers HTTP/1.1\r\nHost: x\r\nExpect: <script>\r\nContent-Length: 0\r\nConnection: close\r\n\r\n', 417, 'Expectation Failed'],
    ['an HTTP/1.1 request without Host', 'GET /healthz?<script> HTTP/1.1\r\nConnection: close\r\n\r\n', 400, 'Bad Request'],
    ['a Content-Length that is not a number', 'POST /assure/dossiers HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', 400, 'Bad Request'],
  ]; // prettier-ignore

  it.each(cases)(
    '%s: upstream error shape, right status, the URL not echoed',
    async (_name, request, status, title) => {
      const response = await rawRequest(server().baseUrl, request);
      expect(response.status).toBe(status);
      expect(response.headers).toMatch(/content-type: application\/json/i);
      const body = JSON.parse(response.body) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(upstreamKeys);
      expect(body).toMatchObject({ status, title, type: 'base:client-problem' });
      expect(body.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(response.body).not.toMatch(/script|aaaaaaaaaa|%zz|%A4/);
    },
  );

  it('takes a client hanging up mid-body in its stride: no error in the log', async () => {
    const { baseUrl, logs } = server();
    const { port } = new URL(baseUrl);
    const before = logs.length;
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /auth/open/connect/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\ngrant_type=',
        );
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => setTimeout(resolve, 200));
    });
    expect(logs.slice(before).filter((line) => line.includes('"level":50'))).toEqual([]);
  });

  it('refuses JSON bodies nested deeper than 32 levels with a 400 before any handler runs', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, {
        provider: 'signicatpaper',
        documentType: 'passport',
        documentCountry: 'NLD',
      })
    ).json<{ processId: string }>();
    // With its image uploaded, the process would start if the body were acceptable.
    const front = await jpegDataUrl(640, 400);
    expect((await api.post(`/assure/dossiers/${dossierId}/processes/${processId}/images`, { front })).status).toBe(201);
    const deep = (levels: number) => '{"x":'.repeat(levels) + '1' + '}'.repeat(levels);
    const tooDeep = await api.request('POST', `/assure/dossiers/${dossierId}/processes/${processId}`, {
      rawBody: `{"unknown":${deep(4000)},"alsoUnknown":${'['.repeat(300_000)}${']'.repeat(300_000)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.json()).toMatchObject({
      status: 400,
      detail: 'The JSON body is nested deeper than 32 levels.',
    });
    const arrays = await api.request('POST', '/assure/dossiers', {
      rawBody: `{"externalReference":${'['.repeat(33)}${']'.repeat(33)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(arrays.status).toBe(400);
    // The process is untouched: still pending.
    expect(
      (await api.get(`/assure/dossiers/${dossierId}/processes/${processId}`)).json<{ status: string }>().status,
    ).toBe('pending');
    const justDeepEnough = await api.request('POST', '/assure/dossiers', {
      rawBody: `{"externalReference":"x","ignored":${deep(31)}}`,
      headers: { 'content-type': 'application/json' },
    });
    expect(justDeepEnough.status).toBe(201);
  });

  it('says which body type the token endpoint takes when it gets another', async () => {
    const response = await fetch(`${server().baseUrl}/auth/open/connect/token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({
      status: 415,
      detail: 'Send the body as application/x-www-form-urlencoded.',
    });
  });
});
