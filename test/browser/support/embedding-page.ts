import { createServer, type Server } from 'node:http';

export interface EmbeddingPage {
  /** `host:port`, as Start capture flow's requestDomain names it. */
  domain: string;
  /** The page holding `src` in an iframe. */
  urlFor(src: string): string;
  close(): Promise<void>;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** An integrator's page on its own loopback origin that shows the capture page in an iframe. */
export async function startEmbeddingPage(): Promise<EmbeddingPage> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const src = url.searchParams.get('src');
    if (request.method !== 'GET' || url.pathname !== '/embed' || !src) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An integrator's page</title>
<link rel="icon" href="data:,"></head><body><h1>Verify your identity</h1>
<iframe title="Identity verification" src="${escape(src)}" allow="camera" width="400" height="760"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('The embedding page has no address.');
  const domain = `127.0.0.1:${address.port}`;
  return {
    domain,
    urlFor: (src) => `http://${domain}/embed?src=${encodeURIComponent(src)}`,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
