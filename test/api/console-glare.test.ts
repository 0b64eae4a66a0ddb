import { describe, expect, it } from 'vitest';
import { signInOperator } from '../support/console-client.js';
import { dataUrlOf, glaringDocument } from '../support/live-documents.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { useTestServer } from '../support/test-server.js';

// One store: what is tested is that the engines' glare regions reach the console, not the store.
const server = useTestServer('sqlite', { OPENASSURE_ENGINE_THREADS: '1' }, { worker: true });

describe('glare on the console process page', () => {
  it('draws where the glare is on a live document, and keeps it out of the client-facing result', async () => {
    const { api } = await server().newClient('live');
    const { image, spot } = await glaringDocument(5);
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'onfido',
      processType: 'document',
      documentType: 'passport',
    });
    expect(created.status, created.text()).toBe(201);
    const processId = created.json<{ processId: string }>().processId;
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    expect((await api.post(`${path}/images`, { front: dataUrlOf(image) })).status).toBe(201);
    expect((await api.post(path, {})).status).toBe(200);
    const result = await waitForFinal(api, path, 120_000);

    const viewer = await signInOperator(server(), { role: 'viewer' });
    const detail = await viewer.get(`/processes/${processId}`);
    expect(detail.status, detail.text).toBe(200);
    const { images } = detail.json<{ images: { depiction: string; findings: { glare?: number[][] } }[] }>();
    const glare = images.find((i) => i.depiction === 'front')?.findings.glare;
    // The reflection is the one blown-out spot; its box is found on a 512 px copy, so edges may be a few pixels off.
    expect(glare).toHaveLength(1);
    const [x, y, width, height] = glare![0]!;
    const tolerance = 8;
    expect(Math.abs(x! - spot.x)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(y! - spot.y)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(x! + width! - (spot.x + spot.width))).toBeLessThanOrEqual(tolerance);
    expect(Math.abs(y! + height! - (spot.y + spot.height))).toBeLessThanOrEqual(tolerance);
    // The regions are the engines' own output, never part of the upstream result body.
    expect(JSON.stringify(result)).not.toContain('regions');
  });
});
