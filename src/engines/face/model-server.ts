import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** A model file name: no directories, only the two kinds the loader asks for. */
const MODEL_FILE = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*\.(?:json|bin)$/;

export interface ModelServer {
  /** Base URL ending in '/', for the loader's `modelBasePath`. */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * Serves the model files of one directory on loopback, for as long as the models load.
 *
 * Why: human loads models with the global fetch(), and Node's fetch refuses file:// URLs. A loopback server on an
 * ephemeral port, closed right after loading, needs no change to globals that the rest of the process shares
 * (replacing globalThis.fetch would also catch webhook deliveries made meanwhile).
 */
export async function serveModels(directory: string): Promise<ModelServer> {
  const server = http.createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(1);
    // No decoding: model names need no escapes, so anything escaped (or a '..') simply does not match.
    if (request.method !== 'GET' || !MODEL_FILE.test(name)) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(directory, name)).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': name.endsWith('.json') ? 'application/json' : 'application/octet-stream',
            'content-length': body.length,
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
