import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specAvailable } from '../support/spec-examples.js';
import { upstreamSpecPath } from '../support/shared-material.js';
import { useTestServer } from '../support/test-server.js';

describe.runIf(specAvailable())('the upstream operations', () => {
  const server = useTestServer('sqlite');

  it('are all served: every path and method of the upstream document is in ours', async () => {
    const upstream = JSON.parse(readFileSync(upstreamSpecPath, 'utf8')) as { paths: Record<string, object> };
    const ours = (await server().anonymous.get('/assure/openapi.json')).json<{ paths: Record<string, object> }>();
    const operations = (paths: Record<string, object>, prefix: string) =>
      Object.entries(paths).flatMap(([path, methods]) =>
        Object.keys(methods)
          .filter((method) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
          // Path parameter names are each document's own.
          .map((method) => `${method.toUpperCase()} ${prefix}${path.replace(/\{[^}]+\}/g, '{}')}`),
      );
    const wanted = operations(upstream.paths, '/assure');
    const served = new Set(operations(ours.paths, ''));
    expect(wanted.length).toBe(39);
    expect(wanted.filter((operation) => !served.has(operation))).toEqual([]);
  });
});
