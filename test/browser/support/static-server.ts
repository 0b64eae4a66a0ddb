import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { capturePageHeaders, newNonce } from './csp.js';

const BASE = '/assure/capture/';
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticCaptureServer {
  baseUrl: string;
  /** The capture page's URL (`#/artifact=...` may be appended). */
  pageUrl: string;
  /** Every request the server saw, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
}

function errorBody(request: IncomingMessage, status: number, type: string, title: string, detail: string) {
  return JSON.stringify({
    instance: request.url ?? '',
    method: request.method ?? 'GET',
    status,
    type,
    title,
    detail,
    timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    traceId: newNonce(),
  });
}

/**
 * A capture API that has no sessions at all, answering as the contract says a server does for a link it
 * does not know (404 capture:link-invalid) and for a browser without a session cookie (401 capture:no-session).
 */
function answerApi(request: IncomingMessage, response: ServerResponse, apiPath: string): void {
  const exchange = request.method === 'POST' && apiPath === 'session';
  const [status, type, title, detail] = exchange
    ? [404, 'capture:link-invalid', 'Not Found', 'The capture link is not known.']
    : [401, 'capture:no-session', 'Unauthorized', 'There is no capture session for this browser.'];
  request.resume();
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(errorBody(request, status, type, title, detail));
}

/**
 * Serves a built capture app (`dist/`) on loopback the way the contract says the server does: index.html with
 * a fresh nonce in place of `__CSP_NONCE__` and the page's CSP headers, hashed assets under `assets/`.
 */
export async function startStaticCaptureServer(distDir: string): Promise<StaticCaptureServer> {
  const requests: string[] = [];
  const indexTemplate = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const assetsDir = path.join(distDir, 'assets');

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(`${request.method} ${url.pathname}`);
    if (url.pathname.startsWith(`${BASE}api/`))
      return answerApi(request, response, url.pathname.slice(BASE.length + 4));
    if (request.method === 'GET' && (url.pathname === BASE || url.pathname === `${BASE}index.html`)) {
      const nonce = newNonce();
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...capturePageHeaders(nonce) });
      return response.end(indexTemplate.replaceAll('__CSP_NONCE__', nonce));
    }
    if (request.method === 'GET' && url.pathname.startsWith(`${BASE}assets/`)) {
      const file = path.resolve(assetsDir, decodeURIComponent(url.pathname.slice(`${BASE}assets/`.length)));
      if (file.startsWith(assetsDir + path.sep)) {
        readFile(file).then(
          (body) => {
            response.writeHead(200, {
              'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
              'Cache-Control': 'public, max-age=31536000, immutable',
              'X-Content-Type-Options': 'nosniff',
            });
            response.end(body);
          },
          () => {
            response.writeHead(404).end();
          },
        );
        return;
      }
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The static server has no address.');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    baseUrl,
    pageUrl: `${baseUrl}${BASE}`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
