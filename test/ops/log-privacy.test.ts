import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jpegDataUrl } from '../support/images.js';
import { startTestServer } from '../support/test-server.js';

/**
 * Known personal data, sent through every /assure operation the server documents (the list is read from
 * its own OpenAPI document, so a new route is covered without touching this test). None of it may
 * appear in a log line, whatever the route answers.
 */
const person = {
  firstName: 'Zebulonia',
  lastName: 'Quackenbushova',
  dateOfBirth: '1971-03-14',
  documentNumber: 'XK4471903',
  personalNumber: '710314-9981',
  email: 'zebulonia.quackenbushova@example.org',
  phone: '+31612309876',
  street: 'Wilhelminastraat 77',
};

type Schema = Record<string, unknown>;
interface Operation {
  method: string;
  path: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** A value for a named field, personal data wherever the name suggests it. */
function stringFor(name: string, schema: Schema, image: string): string {
  const lower = name.toLowerCase();
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.format === 'date') return person.dateOfBirth;
  if (schema.format === 'date-time') return `${person.dateOfBirth}T00:00:00Z`;
  if (schema.format === 'email' || lower.includes('email')) return person.email;
  if (schema.format === 'uri' || lower.includes('url')) return 'https://example.com/back';
  if (/image|front|back|selfie|content|data|picture|photo|video|file/.test(lower)) return image;
  if (lower.includes('country') || lower.includes('nationality')) return 'NLD';
  if (lower.includes('first') || lower.includes('given')) return person.firstName;
  if (lower.includes('last') || lower.includes('family') || lower.includes('surname')) return person.lastName;
  if (lower.includes('birth')) return person.dateOfBirth;
  if (lower.includes('documentnumber') || lower.includes('number')) return person.documentNumber;
  if (lower.includes('personal') || lower.includes('ssn') || lower.includes('pin')) return person.personalNumber;
  if (lower.includes('phone') || lower.includes('mobile')) return person.phone;
  if (lower.includes('street') || lower.includes('address')) return person.street;
  if (lower === 'provider') return 'onfido';
  return `${person.firstName} ${person.lastName}`;
}

/** A body for a request schema: every property filled, personal data wherever it fits. */
function bodyFor(schema: Schema | undefined, doc: Schema, image: string, name = '', depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .replace('#/', '')
      .split('/')
      .reduce<unknown>((at, part) => (at as Schema)?.[part], doc);
    return bodyFor(target as Schema, doc, image, name, depth + 1);
  }
  for (const list of ['allOf', 'oneOf', 'anyOf'] as const) {
    const options = schema[list];
    if (Array.isArray(options) && options.length > 0) {
      if (list !== 'allOf') return bodyFor(options[0] as Schema, doc, image, name, depth + 1);
      return Object.assign({}, ...options.map((part) => bodyFor(part as Schema, doc, image, name, depth + 1)));
    }
  }
  if (schema.type === 'object' || schema.properties) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(
      Object.entries(properties).map(([key, value]) => [key, bodyFor(value, doc, image, key, depth + 1)]),
    );
  }
  if (schema.type === 'array') return [bodyFor(schema.items as Schema, doc, image, name, depth + 1)];
  if (schema.type === 'integer' || schema.type === 'number') return 1;
  if (schema.type === 'boolean') return true;
  return stringFor(name, schema, image);
}

describe('logs hold no personal data', () => {
  it('sends names, document numbers, dates of birth and images through every /assure route; none reaches a log line', async () => {
    const server = await startTestServer('sqlite', {}, { worker: true });
    try {
      const image = await jpegDataUrl(320, 240);
      const imageMarker = image.slice(image.length / 2, image.length / 2 + 48);
      const doc = (await (await fetch(`${server.baseUrl}/assure/openapi.json`)).json()) as Schema;
      const operations: Operation[] = [];
      for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
        for (const [method, operation] of Object.entries(methods)) {
          if (['get', 'post', 'put', 'patch', 'delete'].includes(method) && path.startsWith('/assure')) {
            operations.push({ ...operation, method: method.toUpperCase(), path });
          }
        }
      }
      expect(operations.length).toBeGreaterThan(40);

      // Real ids, so that requests reach their handlers instead of stopping at a 404.
      const { api } = server;
      const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
      const { processId } = (
        await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido', documentType: 'passport' })
      ).json<{
        processId: string;
      }>();
      const token = (api as unknown as { token: string }).token;
      // First the requests of a real integration, each accepted, with the person in them.
      const flow: [string, string, unknown][] = [
        [
          'POST',
          `/assure/dossiers/${dossierId}/userdata`,
          { userData: { firstName: person.firstName, lastName: person.lastName, dateOfBirth: person.dateOfBirth } },
        ],
        [
          'POST',
          `/assure/dossiers/${dossierId}/processes/${processId}/images`,
          { front: image, back: image, selfie: image },
        ],
        ['POST', `/assure/dossiers/${dossierId}/files`, { front: image, selfie: image }],
        ['POST', `/assure/dossiers/${dossierId}/processes/${processId}`, {}],
        ['POST', '/assure/dossiers', { externalReference: `${person.lastName} ${person.documentNumber}` }],
        [
          'POST',
          `/assure/dossiers/${dossierId}/processes`,
          {
            provider: 'webid',
            processParameters: {
              webid: {
                user: {
                  firstName: person.firstName,
                  lastName: person.lastName,
                  dateOfBirth: person.dateOfBirth,
                  contact: { email: person.email, mobilePhone: person.phone },
                },
                userActionParameters: {
                  redirectUrl: 'https://example.com/ok',
                  redirectDeclineUrl: 'https://example.com/decline',
                  redirectMismatchUrl: 'https://example.com/mismatch',
                  redirectCancelUrl: 'https://example.com/cancel',
                  clientName: 'Bank',
                  productType: 'loan',
                },
                idDocument: { nationality: 'NLD', documentNumber: person.documentNumber },
              },
            },
          },
        ],
      ];
      const flowStatuses: number[] = [];
      for (const [method, path, body] of flow) {
        const response = await fetch(`${server.baseUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        flowStatuses.push(response.status);
      }
      expect(
        flowStatuses.every((status) => status >= 200 && status < 300),
        String(flowStatuses),
      ).toBe(true);
      // A search with the person in the query string.
      const search = new URLSearchParams({
        startCreationDate: `${person.dateOfBirth}T00:00:00Z`,
        order: person.lastName,
      });
      await (
        await fetch(`${server.baseUrl}/assure/processes?${search}`, { headers: { authorization: `Bearer ${token}` } })
      ).arrayBuffer();

      const statuses = new Map<number, number>();
      // Deletions last: everything else first finds its dossier.
      const ordered = [...operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      for (const operation of ordered) {
        const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
          if (name === 'dossierId') return dossierId;
          if (name === 'processId') return processId;
          return randomUUID();
        });
        const content = operation.requestBody?.content ?? {};
        const schema = content['application/json']?.schema;
        const body =
          operation.method === 'GET' || operation.method === 'DELETE' ? undefined : bodyFor(schema, doc, image);
        const response = await fetch(`${server.baseUrl}${path}`, {
          method: operation.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
        await response.arrayBuffer();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      }
      // The requests did real work, not only refusals: many were accepted.
      const accepted = [...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
      expect(accepted).toBeGreaterThan(10);

      // A bad request with personal data in the body and the URL, and a broken JSON body with it.
      await fetch(`${server.baseUrl}/assure/dossiers/${encodeURIComponent(person.lastName)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await fetch(`${server.baseUrl}/assure/dossiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: `{"externalReference": "${person.firstName}", `,
      });
      // The worker's jobs (verifications, notifications) log too; let them run.
      await new Promise((resolve) => setTimeout(resolve, 1500));

      const logs = server.logs.join('');
      expect(server.logs.length).toBeGreaterThan(operations.length);
      for (const [field, value] of Object.entries(person)) {
        const leaks = server.logs.filter((line) => line.includes(value));
        expect(leaks, `${field} ("${value}") appears in the logs`).toEqual([]);
      }
      expect(logs.includes(imageMarker), 'image bytes appear in the logs').toBe(false);
    } finally {
      await server.close();
    }
  });
});
