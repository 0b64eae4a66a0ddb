import { once } from 'node:events';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The load balancer of the cluster bench and test: each request goes to the next API node in turn,
 * streamed both ways. A node that refuses the connection is skipped for that request (the next one is
 * tried), as a health-checking balancer would; with every node down the answer is 502.
 */
export class RoundRobinProxy {
  private next = 0;
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });

  private constructor(
    private readonly server: Server,
    private readonly backends: string[],
  ) {}

  static async start(backends: string[] = []): Promise<RoundRobinProxy> {
    const server = createServer();
    const proxy = new RoundRobinProxy(server, backends);
    server.on('request', (req, res) => {
      // Buffered, so that the body can be sent again to the next node when one refuses the connection.
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () =>
        proxy.forward(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks), res, 0),
      );
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  setBackends(backends: string[]): void {
    this.backends.splice(0, this.backends.length, ...backends);
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private forward(
    method: string,
    path: string,
    headers: NodeJS.Dict<string | string[]>,
    body: Buffer,
    res: import('node:http').ServerResponse,
    tried: number,
  ): void {
    if (tried >= this.backends.length) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('No API node answered.');
      return;
    }
    const target = new URL(path, this.backends[this.next++ % this.backends.length]);
    const upstream = request(
      target,
      { method, headers: { ...headers, host: target.host }, agent: this.agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (!res.headersSent && error.code === 'ECONNREFUSED') this.forward(method, path, headers, body, res, tried + 1);
      else res.destroy();
    });
    upstream.end(body);
  }
}
