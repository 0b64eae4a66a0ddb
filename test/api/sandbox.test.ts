import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { providers } from '../../src/providers/registry.js';
import type { ProviderDefinition, Scenario } from '../../src/providers/types.js';
import { contextFor } from '../support/provider-examples.js';
import { createBody, driveScenario, waitForFinal } from '../support/sandbox-driver.js';
import { jpegDataUrl } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const allScenarios: [string, ProviderDefinition, Scenario, string | null][] = providers.flatMap((definition) =>
  definition.scenarios.map((scenario) => {
    const processType = scenario.processTypes?.[0] ?? definition.defaultProcessType ?? null;
    return [scenario.id, definition, scenario, processType] as [string, ProviderDefinition, Scenario, string | null];
  }),
);

/** Runs `work` on items, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(work));
}

function zipEntries(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const names: string[] = [];
      zip.on('entry', (entry: { fileName: string }) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

describe.each(storeKinds)('the sandbox on %s', (kind) => {
  const server = useTestServer(kind, {}, { worker: true });

  it('lists every scenario with the final status it produces, filtered by provider', async () => {
    const { api } = server();
    const all = (await api.get('/assure/sandbox/scenarios')).json<{ id: string; provider: string; status: string }[]>();
    expect(all.map((s) => s.id).sort()).toEqual(allScenarios.map(([id]) => id).sort());
    for (const provider of providers)
      expect(
        all.some((s) => s.provider === provider.name),
        provider.name,
      ).toBe(true);
    const onfido = (await api.get('/assure/sandbox/scenarios?provider=onfido')).json<{ provider: string }[]>();
    expect(onfido.length).toBeGreaterThan(0);
    expect(onfido.every((s) => s.provider === 'onfido')).toBe(true);
    // The provider is named as requests name it: an alias, or a Connect method.
    for (const [value, provider] of [
      ['paper', 'signicatpaper'],
      ['connect:bankid', 'connect'],
    ]) {
      const listed = (await api.get(`/assure/sandbox/scenarios?provider=${value}`)).json<{ provider: string }[]>();
      expect(listed.length, value).toBe(all.filter((s) => s.provider === provider).length);
      expect(listed.every((s) => s.provider === provider)).toBe(true);
    }
    for (const status of ['accepted', 'rejected', 'inconclusive', 'failed', 'canceled']) {
      expect(
        all.some((s) => s.status === status),
        status,
      ).toBe(true);
    }
  });

  it('takes every scenario of every provider to its status, with the mapped result, through the API', async () => {
    const { api } = server();
    const failures: string[] = [];
    await inBatches(allScenarios, 8, async ([id, definition, scenario, processType]) => {
      const expected = definition.mapResult(scenario.raw, contextFor(definition, processType));
      const { body } = await driveScenario(api, definition, scenario, processType);
      const actual = {
        status: body.status,
        providerSpecific: body.providerSpecific,
        finalResult: body.finalResult,
        statusReasons: body.statusReasons,
        failReason: body.failReason,
      };
      const wanted = {
        status: expected.status,
        providerSpecific: expected.providerSpecific,
        finalResult: expected.finalResult,
        statusReasons: expected.statusReasons,
        failReason: expected.failReason,
      };
      if (JSON.stringify(actual) !== JSON.stringify(wanted) && !deepEqual(actual, wanted))
        failures.push(`${id}: ${JSON.stringify(actual).slice(0, 300)}`);
      for (const depiction of scenario.media?.depictions ?? []) {
        if (!(body.depictions as string[]).includes(depiction)) failures.push(`${id}: depiction ${depiction} missing`);
      }
    });
    expect(failures).toEqual([]);
  });

  it('serves the scenario media: images, the video and the raw session, and a full download', async () => {
    const { api } = server();
    const withVideo = allScenarios.find(([, d, s]) => d.name === 'signicatvideoid' && s.media?.video);
    const readid = allScenarios.find(([, d]) => d.name === 'readid');
    expect(withVideo && readid).toBeTruthy();
    const video = await driveScenario(api, withVideo![1], withVideo![2], withVideo![3]);
    const got = await api.get(`${video.path}/video`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('video/mp4');
    expect(got.body.subarray(4, 8).toString()).toBe('ftyp');
    for (const depiction of withVideo![2].media!.depictions) {
      const image = await api.get(`${video.path}/images?depiction=${depiction}`);
      expect(image.status, depiction).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
    }

    const session = await driveScenario(api, readid![1], readid![2], readid![3]);
    const raw = await api.get(`${session.path}/raw`);
    expect(raw.status).toBe(200);
    expect(raw.json()).toEqual(readid![2].raw);
    const zip = await api.get(`${session.path}/download`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toMatch(
      new RegExp(`filename="${session.dossierId}_${session.processId}_\\d{8}T\\d{6}\\.zip"`),
    );
    const names = await zipEntries(zip.body);
    expect(names).toContain('process.json');
    expect(names).toContain('session.json');
  });

  it('answers 204 for the download of a process without a result', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'readid' })).json<{
      processId: string;
    }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    expect((await api.get(`${path}/download`)).status).toBe(204);
    expect((await api.get(`${path}/raw`)).status).toBe(204);
  });

  it('refuses unknown scenarios and scenarios of another provider', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const unknown = await api.post(
      `/assure/dossiers/${dossierId}/processes`,
      { provider: 'readid' },
      { headers: { 'x-sandbox-scenario': 'no-such-scenario' } },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.json<{ detail: string }>().detail).toMatch(/Unknown sandbox scenario 'no-such-scenario'/);
    const foreign = await api.post(
      `/assure/dossiers/${dossierId}/processes`,
      { provider: 'readid' },
      { headers: { 'x-sandbox-scenario': allScenarios.find(([, d]) => d.name === 'onfido')![0] } },
    );
    expect(foreign.status).toBe(400);
  });

  it('waits for the end-user part of video identifications even after Start verification', async () => {
    const { api } = server();
    const definition = providers.find((p) => p.name === 'signicatvideoid')!;
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, createBody(definition, 'substantial'))
    ).json<{ processId: string }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    expect((await api.post(path, {})).json()).toEqual({ processId, status: 'processing' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await api.get(path)).json<{ status: string }>().status).toBe('processing');
    await api.post(`/assure/sandbox/dossiers/${dossierId}/processes/${processId}/complete`, {});
    expect((await waitForFinal(api, path)).status).toBe('accepted');
  });

  it('is not there for live clients: 404 for its endpoints, 400 for its header, and no backend verifies', async () => {
    const { api: live } = await server().newClient('live');
    expect((await live.get('/assure/sandbox/scenarios')).status).toBe(404);
    const { dossierId } = (await live.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const withHeader = await live.post(
      `/assure/dossiers/${dossierId}/processes`,
      { provider: 'facetec' },
      { headers: { 'x-sandbox-scenario': allScenarios[0]![0] } },
    );
    expect(withHeader.status).toBe(400);
    const { processId } = (await live.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'readid' })).json<{
      processId: string;
    }>();
    expect((await live.post(`/assure/sandbox/dossiers/${dossierId}/processes/${processId}/complete`, {})).status).toBe(
      404,
    );
    const facetec = (await live.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'facetec' })).json<{
      processId: string;
    }>();
    const path = `/assure/dossiers/${dossierId}/processes/${facetec.processId}`;
    await live.post(`${path}/images`, { selfie: await jpegDataUrl() });
    await live.post(path, { facetecEnrollment: { faceScan: 'x', auditTrailImage: 'y' }, imageDepiction: 'selfie' });
    const final = await waitForFinal(live, path);
    expect(final.status).toBeDefined();
  });
});

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

describe.each(storeKinds)('the sandbox complete call on %s', (kind) => {
  // No worker: a completed process stays in processing, where a second complete finds it.
  const server = useTestServer(kind);

  it.each([
    ['right after creation', false],
    ['after Start verification', true],
  ])('completes the end-user part once; %s, a second complete is a 409', async (_when, startFirst) => {
    const { api } = server();
    const definition = providers.find((p) => p.name === 'signicatvideoid')!;
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const { processId } = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, createBody(definition, 'substantial'))
    ).json<{ processId: string }>();
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    if (startFirst) expect((await api.post(path, {})).json()).toMatchObject({ status: 'processing' });
    const complete = `/assure/sandbox/dossiers/${dossierId}/processes/${processId}/complete`;
    const first = await api.post(complete, {});
    expect(first.status).toBe(200);
    expect(first.json()).toMatchObject({ processId, status: 'processing' });
    const second = await api.post(complete, {});
    expect(second.status).toBe(409);
    expect(second.json()).toMatchObject({
      status: 409,
      title: 'Conflict',
      detail: "The end-user's part of this process is already complete; its verification is running.",
    });
  });
});

describe('the sandbox stand-in pages', () => {
  const server = useTestServer('sqlite');

  it('answer the links handed out in create responses with an explanation, not a 404', async () => {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = (
      await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'readid', processType: 'ready' })
    ).json<{ universalLink: string; providerApiUrl: string }>();
    for (const link of [created.universalLink, created.providerApiUrl]) {
      const page = await fetch(server().baseUrl + new URL(link).pathname + new URL(link).search);
      expect(page.status, link).toBe(200);
      expect(await page.text()).toContain('/complete');
    }
  });
});
