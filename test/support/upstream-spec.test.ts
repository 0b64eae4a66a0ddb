import { describe, expect, it } from 'vitest';
import { UpstreamSpec, upstreamSpecPath } from './upstream-spec.js';

const spec = UpstreamSpec.load();
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

// The check that guards every response of the suite must itself be able to fail.
describe.skipIf(!spec)(`the upstream response check (${upstreamSpecPath})`, () => {
  const check = (status: number, body: unknown, path = '/assure/dossiers/d1/processes/p1', method = 'GET') =>
    spec!.check({ method, path, status, contentType: 'application/json', body: json(body) });

  it('accepts an upstream-shaped process', () => {
    expect(check(200, { processId: 'p1', provider: 'onfido', status: 'accepted', depictions: ['front'] })).toEqual([]);
  });

  it('reports a wrong type, an unknown enum value and an undocumented success status', () => {
    expect(check(200, { processId: 1 }).join()).toMatch(/processId must be string/);
    expect(check(200, { status: 'done' }).join()).toMatch(/status must be equal to one of the allowed values/);
    expect(check(202, {}).join()).toMatch(/does not document this success status/);
  });

  it('holds undocumented error statuses to the upstream error shape', () => {
    expect(check(409, { status: 'conflict' }).join()).toMatch(/status must be integer/);
    expect(check(409, { status: 409, title: 'Conflict' })).toEqual([]);
  });

  it('checks the body of a status documented without content', () => {
    const problems = spec!.check({
      method: 'DELETE',
      path: '/assure/dossiers/d1',
      status: 204,
      contentType: undefined,
      body: Buffer.from('x'),
    });
    expect(problems.join()).toMatch(/must not have a body/);
  });

  it('prefers static paths to templated ones', () => {
    const problems = spec!.check({
      method: 'DELETE',
      path: '/assure/dossiers/all',
      status: 204,
      contentType: undefined,
      body: Buffer.alloc(0),
    });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!spec)('the upstream document, with its errata', () => {
  it("admits every one of upstream's own JSON response examples", async () => {
    const { readFileSync } = await import('node:fs');
    const document = JSON.parse(readFileSync(upstreamSpecPath, 'utf8')) as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }> }
        >
      >;
    };
    let checked = 0;
    const problems: string[] = [];
    for (const [template, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses)) {
          for (const [contentType, content] of Object.entries(response.content ?? {})) {
            for (const [name, example] of Object.entries(content.examples ?? {})) {
              if (typeof example.value === 'string') continue; // one upstream example is not valid JSON
              checked++;
              const path = `/assure${template.replace(/\{[^}]+\}/g, 'x')}`;
              const found = spec!.check({
                method: method.toUpperCase(),
                path,
                status: Number(status),
                contentType,
                body: json(example.value),
              });
              problems.push(...found.map((p) => `${name}: ${p}`));
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!spec)('the upstream pages', () => {
  it('show Get process examples that the errata-corrected schema admits', async () => {
    const { processExamples, ELIDED } = await import('./spec-examples.js');
    const examples = processExamples().filter((e) => !JSON.stringify(e.example).includes(ELIDED));
    expect(examples.length).toBeGreaterThan(50);
    const problems = examples.flatMap((e) =>
      spec!
        .check({
          method: 'GET',
          path: '/assure/dossiers/d/processes/p',
          status: 200,
          contentType: 'application/json',
          body: json(e.example),
        })
        .map((p) => `${e.source}: ${p}`),
    );
    expect(problems).toEqual([]);
  });
});
