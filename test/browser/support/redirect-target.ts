import { createServer, type Server } from 'node:http';

export interface RedirectTarget {
  /** The integrator's redirect URL: `http://127.0.0.1:<port>/done`. */
  url: string;
  /** The query of every visit to it, in order. */
  visits: URLSearchParams[];
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Back at the service</title>
<link rel="icon" href="data:,"></head><body><h1>Back at the service</h1></body></html>`;

/** The integrator's page the end-user is sent back to, on loopback; it records each visit's query. */
export async function startRedirectTarget(): Promise<RedirectTarget> {
  const visits: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/done') {
      visits.push(url.searchParams);
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
      return;
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The redirect target has no address.');
  return {
    url: `http://127.0.0.1:${address.port}/done`,
    visits,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
