import { expect } from 'vitest';
import { isFinal, type ProcessStatus } from '../../src/core/process-status.js';
import type { ProviderDefinition, Scenario } from '../../src/providers/types.js';
import type { ApiClient } from './api-client.js';
import { jpegDataUrl } from './images.js';
import type { Depiction } from '../../src/core/domain.js';

/** What it takes to create a process of each provider through the API. */
export function createBody(definition: ProviderDefinition, processType: string | null): Record<string, unknown> {
  const body: Record<string, unknown> = { provider: definition.name === 'connect' ? 'connect:idin' : definition.name };
  if (processType !== null) body.processType = processType;
  if (definition.name === 'onfido') body.documentType = 'passport';
  if (definition.name === 'signicatpaper') Object.assign(body, { documentType: 'passport', documentCountry: 'NLD' });
  if (definition.name === 'webid') {
    body.processParameters = {
      webid: {
        user: {
          firstName: 'John',
          lastName: 'Smith',
          dateOfBirth: '1986-07-24',
          contact: { email: 'john@example.com' },
        },
        userActionParameters: {
          redirectUrl: 'https://example.com/ok',
          redirectDeclineUrl: 'https://example.com/decline',
          redirectMismatchUrl: 'https://example.com/mismatch',
          redirectCancelUrl: 'https://example.com/cancel',
          clientName: 'Bank',
          productType: 'loan',
        },
        idDocument: { nationality: 'PRT' },
      },
    };
  }
  return body;
}

/** The images a process needs before Start verification (at least), per provider and type. */
export function requiredUploads(definition: ProviderDefinition, processType: string | null): Depiction[] {
  switch (definition.name) {
    case 'onfido':
    case 'signicatpictureid':
      return processType === 'documentSelfie' ? ['front', 'selfie'] : ['front'];
    case 'signicatpaper':
      return ['front'];
    case 'facetec':
      return ['selfie'];
    default:
      return [];
  }
}

export interface DrivenProcess {
  dossierId: string;
  processId: string;
  path: string;
  body: Record<string, unknown>;
}

/**
 * Runs a sandbox scenario through the API the way an integrator would: create the process with the
 * scenario header, upload images and start the verification (or complete the SDK part), then wait for
 * the final status.
 */
export async function driveScenario(
  api: ApiClient,
  definition: ProviderDefinition,
  scenario: Scenario,
  processType: string | null,
  uploads: readonly Depiction[] = requiredUploads(definition, processType),
): Promise<DrivenProcess> {
  const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
  const created = await api.post(`/assure/dossiers/${dossierId}/processes`, createBody(definition, processType), {
    headers: { 'x-sandbox-scenario': scenario.id },
  });
  expect(created.status, created.text()).toBe(201);
  const { processId } = created.json<{ processId: string }>();
  const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
  if (definition.uploadDepictions.length > 0) {
    const image = await jpegDataUrl(240, 200);
    const upload = Object.fromEntries(uploads.map((depiction) => [depiction, image]));
    if (uploads.length > 0) expect((await api.post(`${path}/images`, upload)).status).toBe(201);
    const startBody =
      definition.name === 'facetec'
        ? {
            facetecEnrollment: { faceScan: 'BAGZzkV3wyl4CP', auditTrailImage: image.split(',')[1] },
            imageDepiction: 'selfie',
          }
        : {};
    const started = await api.post(path, startBody);
    expect(started.status, started.text()).toBe(200);
  } else {
    const completed = await api.post(`/assure/sandbox/dossiers/${dossierId}/processes/${processId}/complete`, {});
    expect(completed.status, completed.text()).toBe(200);
  }
  return { dossierId, processId, path, body: await waitForFinal(api, path) };
}

/** Polls Get process until the status is final (or the time is up). */
export async function waitForFinal(api: ApiClient, path: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await api.get(path)).json<Record<string, unknown>>();
    if (isFinal(body.status as ProcessStatus)) return body;
    if (Date.now() > deadline) throw new Error(`Still ${String(body.status)} after ${timeoutMs} ms: ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
