import { describe, expect, it } from 'vitest';
import { countBlobFiles } from '../support/blobs.js';
import { dataUrl, jpegDataUrl, makeImage, pngDataUrl } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const webidParameters = {
  webid: {
    preferredLanguage: 'en',
    user: {
      firstName: 'John',
      lastName: 'Smith',
      dateOfBirth: '1986-07-24',
      contact: { email: 'test@example.com', mobile: '+4790511734' },
    },
    userActionParameters: {
      redirectCancelUrl: 'https://example.com/cancel',
      redirectMismatchUrl: 'https://example.com/mismatch',
      redirectDeclineUrl: 'https://example.com/decline',
      redirectUrl: 'https://example.com/redirect',
      productType: 'loan',
      clientName: 'Bank of the Internet',
    },
    idDocument: { nationality: 'PRT' },
  },
};

interface CreatedProcess {
  processId: string;
  provider: string;
  processType?: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

describe.each(storeKinds)('processes on %s', (kind) => {
  const server = useTestServer(kind);

  async function newDossier(): Promise<string> {
    return (await server().api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
  }

  async function createProcess(body: Record<string, unknown>, dossierId?: string) {
    const dossier = dossierId ?? (await newDossier());
    const response = await server().api.post(`/assure/dossiers/${dossier}/processes`, body);
    return {
      dossierId: dossier,
      response,
      process: response.status === 201 ? response.json<CreatedProcess>() : undefined,
    };
  }

  describe('creation', () => {
    it.each([
      [{ provider: 'onfido', documentType: 'passport' }, 'onfido', 'documentSelfie'],
      [{ provider: 'onfido', processType: 'documentVideo' }, 'onfido', 'documentVideo'],
      [{ provider: 'eid' }, 'eid', 'unattended'],
      [{ provider: 'eid', processType: 'attended' }, 'eid', 'attended'],
      [{ provider: 'readid' }, 'readid', 'sdk'],
      [{ provider: 'readid', processType: 'ready' }, 'readid', 'ready'],
      [{ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' }, 'signicatpaper', undefined],
      [{ provider: 'paper', documentType: 'identityCard', documentCountry: 'NL' }, 'signicatpaper', undefined],
      [{ provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV' }, 'signicatpaper', undefined],
      [{ provider: 'facetec' }, 'facetec', undefined],
      [{ provider: 'webid', processType: 'accountid', processParameters: webidParameters }, 'webid', 'accountid'],
      [{ provider: 'connect:idin' }, 'connect:idin', undefined],
      [{ provider: 'connect:nbid-mobile' }, 'connect:nbid-mobile', undefined],
      [{ provider: 'signicatpictureid', documentId: 58 }, 'signicatpictureid', 'documentSelfie'],
      [{ provider: 'signicatpictureid', processType: 'document' }, 'signicatpictureid', 'document'],
      [{ provider: 'signicatvideoid' }, 'signicatvideoid', 'high'],
      [{ provider: 'signicatvideoid', processType: 'substantialFullyAuto' }, 'signicatvideoid', 'substantialFullyAuto'],
    ])('%j creates a pending %s process of type %s', async (body, provider, processType) => {
      const { response, process, dossierId } = await createProcess(body);
      expect(response.status).toBe(201);
      expect(process).toMatchObject({ provider, status: 'pending' });
      expect(process?.processType).toBe(processType);
      expect(process?.createdAt).toBe(process?.updatedAt);
      const read = await server().api.get(`/assure/dossiers/${dossierId}/processes/${process!.processId}`);
      expect(read.json()).toMatchObject({ processId: process!.processId, provider, status: 'pending' });
      expect(read.json()).not.toHaveProperty('depictions'); // only once final
    });

    it.each([
      [{ provider: 'nope' }, "provider 'nope' is not supported"],
      [{}, 'body.provider is required'],
      [{ provider: 'connect:' }, "provider 'connect:' is not supported"],
      [{ provider: 'onfido', processType: 'high' }, "processType 'high' is not available for onfido"],
      [{ provider: 'facetec', processType: 'document' }, 'processType does not apply to the facetec provider'],
      [{ provider: 'facetec', documentType: 'passport' }, 'documentType does not apply to the facetec provider'],
      [{ provider: 'onfido', documentType: 'spaceship' }, 'body.documentType must be one of'],
      [{ provider: 'signicatpaper', documentCountry: 'NLD' }, 'documentType is required for signicatpaper'],
      [{ provider: 'signicatpaper', documentType: 'passport' }, 'documentCountry is required for signicatpaper'],
      [
        { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'XX' },
        'documentCountry must be an ISO 3166-1',
      ],
      [
        { provider: 'signicatpaper', documentType: 'identityCard', documentCountry: 'UNIV' },
        "'UNIV' can only be used with documentType 'passport'",
      ],
      [
        { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'UNIV', redact: ['photo'] },
        'Redaction is not available',
      ],
      [
        { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD', redact: ['toes'] },
        'body.redact.0 must be one of',
      ],
      [{ provider: 'onfido', redact: ['photo'] }, 'redact does not apply to the onfido provider'],
      [{ provider: 'onfido', redactionLevel: 'high' }, 'redactionLevel does not apply'],
      [{ provider: 'onfido', documentId: 58 }, 'documentId does not apply'],
      [{ provider: 'webid' }, 'processParameters.webid is required'],
      [{ provider: 'webid', processParameters: { webid: { user: {} } } }, 'body.processParameters.webid'],
      [{ provider: 'onfido', notificationUrl: 'ftp://example.com' }, 'body.notificationUrl'],
      [{ provider: 'onfido', eventTags: 'tag' }, 'body.eventTags'],
    ])('refuses %j', async (body, detail) => {
      const { response } = await createProcess(body);
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toContain(detail);
    });

    it('reports every problem of a request at once', async () => {
      const { response } = await createProcess({
        provider: 'facetec',
        processType: 'x',
        documentType: 'passport',
        redact: ['photo'],
      });
      const detail = response.json<{ detail: string }>().detail;
      expect(detail).toContain('processType');
      expect(detail).toContain('documentType');
      expect(detail).toContain('redact');
    });

    it('accepts the legacy notification fields and never echoes nor stores the credential in clear', async () => {
      const secret = 'Bearer very-secret-canary-9f1d';
      const { response, process } = await createProcess({
        provider: 'onfido',
        notificationUrl: 'https://hooks.example.com/assure',
        authorizationHeader: secret,
      });
      expect(response.status).toBe(201);
      expect(response.text()).not.toContain('very-secret-canary');
      const row = await server()
        .app.store.db.selectFrom('processes')
        .select(['notification_url', 'notification_auth_sealed'])
        .where('id', '=', process!.processId)
        .executeTakeFirstOrThrow();
      expect(row.notification_url).toBe('https://hooks.example.com/assure');
      expect(row.notification_auth_sealed).not.toContain('canary');
      expect(server().logs.join('\n')).not.toContain('very-secret-canary');
    });

    it('needs an existing dossier of the caller', async () => {
      const { api, other } = server();
      expect(
        (await api.post('/assure/dossiers/5c1ab0a4-0000-4000-8000-000000000000/processes', { provider: 'onfido' }))
          .status,
      ).toBe(404);
      const dossierId = await newDossier();
      expect((await other.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'onfido' })).status).toBe(404);
    });
  });

  describe('images', () => {
    it('takes the depictions the provider accepts, replaces by depiction, and serves them back', async () => {
      const { api } = server();
      const { dossierId, process } = await createProcess({ provider: 'onfido', documentType: 'identityCard' });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}/images`;
      const front = await makeImage('jpeg', 300, 210);
      const back = await makeImage('png', 300, 210);
      expect((await api.post(path, { front: await jpegDataUrl(), back: dataUrl(back, 'image/png') })).status).toBe(201);
      expect((await api.post(path, { front: dataUrl(front, 'image/jpeg') })).status).toBe(201);
      const gotFront = await api.get(`${path}?depiction=front`);
      expect(gotFront.headers.get('content-type')).toBe('image/jpeg');
      expect(gotFront.body.equals(front)).toBe(true);
      expect((await api.get(`${path}?depiction=back`)).body.equals(back)).toBe(true);
      expect((await api.get(`${path}?depiction=selfie`)).status).toBe(404);
      expect((await api.get(`${path}?depiction=portrait`)).status).toBe(400);
      expect((await api.get(`${path}?depiction=feet`)).status).toBe(400);
    });

    it.each([
      [
        { provider: 'signicatpaper', documentType: 'passport', documentCountry: 'NLD' },
        'selfie',
        /take front, back images, not selfie/,
      ],
      [{ provider: 'facetec' }, 'back', /take front, selfie images, not back/],
      [{ provider: 'onfido' }, 'portrait', /not portrait/],
      [{ provider: 'readid' }, 'front', /cannot be uploaded through the API/],
      [{ provider: 'connect:idin' }, 'selfie', /cannot be uploaded through the API/],
    ])('%j refuses a %s upload', async (body, depiction, detail) => {
      const { dossierId, process } = await createProcess(body);
      const response = await server().api.post(`/assure/dossiers/${dossierId}/processes/${process!.processId}/images`, {
        [depiction]: await jpegDataUrl(),
      });
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(detail);
    });

    it('refuses an empty upload', async () => {
      const { dossierId, process } = await createProcess({ provider: 'onfido' });
      const response = await server().api.post(
        `/assure/dossiers/${dossierId}/processes/${process!.processId}/images`,
        {},
      );
      expect(response.status).toBe(400);
    });
  });

  describe('start verification', () => {
    async function readyOnfido(images: Record<string, string>) {
      const created = await createProcess({ provider: 'onfido', documentType: 'passport' });
      const path = `/assure/dossiers/${created.dossierId}/processes/${created.process!.processId}`;
      if (Object.keys(images).length > 0) await server().api.post(`${path}/images`, images);
      return path;
    }

    it('needs the images the process type requires, and leaves the process pending if they are missing', async () => {
      const { api } = server();
      const path = await readyOnfido({ front: await jpegDataUrl() });
      const response = await api.post(path, {});
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(/Upload the selfie image/);
      expect((await api.get(path)).json<{ status: string }>().status).toBe('pending');
    });

    it('moves the process to processing and freezes it', async () => {
      const { api, env } = server();
      const path = await readyOnfido({ front: await jpegDataUrl(), selfie: await pngDataUrl() });
      const started = await api.post(path, {});
      expect(started.status).toBe(200);
      expect(started.json()).toEqual({ processId: path.split('/').pop(), status: 'processing' });
      expect((await api.get(path)).json<{ status: string }>().status).toBe('processing');

      const blobsBefore = countBlobFiles(env.dataDir);
      const upload = await api.post(`${path}/images`, { front: await jpegDataUrl() });
      expect(upload.status).toBe(409);
      expect(countBlobFiles(env.dataDir)).toBe(blobsBefore);
      expect((await api.post(path, {})).status).toBe(409);
      expect((await api.post(`${path}/fail`)).status).toBe(409);
    });

    it('lets exactly one of two simultaneous starts win', async () => {
      const { api } = server();
      const path = await readyOnfido({ front: await jpegDataUrl(), selfie: await jpegDataUrl() });
      const statuses = (await Promise.all([api.post(path, {}), api.post(path, {}), api.post(path, {})])).map(
        (r) => r.status,
      );
      expect(statuses.sort()).toEqual([200, 409, 409]);
    });

    it('needs a FaceTec enrollment and the chosen depiction', async () => {
      const { api } = server();
      const { dossierId, process } = await createProcess({ provider: 'facetec' });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
      await api.post(`${path}/images`, { selfie: await jpegDataUrl() });
      expect((await api.post(path, {})).json<{ detail: string }>().detail).toMatch(/facetecEnrollment/);
      const enrollment = { faceScan: 'BAGZzkV3wyl4', auditTrailImage: '/9j/4AAQSkZJRg', userAgent: 'facetec|sdk' };
      expect(
        (await api.post(path, { facetecEnrollment: enrollment, imageDepiction: 'front' })).json<{ detail: string }>()
          .detail,
      ).toMatch(/Upload the front image/);
      const started = await api.post(path, { facetecEnrollment: enrollment, imageDepiction: 'selfie' });
      expect(started.status).toBe(200);
    });

    it('does not apply to providers that finish in their own app', async () => {
      const { dossierId, process } = await createProcess({ provider: 'readid' });
      const response = await server().api.post(`/assure/dossiers/${dossierId}/processes/${process!.processId}`, {});
      expect(response.status).toBe(400);
      expect(response.json<{ detail: string }>().detail).toMatch(/ReadID processes finish in the provider's own app/);
    });
  });

  describe('fail, delete and external id', () => {
    it('fails a pending process with the upstream reason, once', async () => {
      const { api } = server();
      const { dossierId, process } = await createProcess({ provider: 'signicatvideoid', processType: 'substantial' });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
      const failed = await api.post(`${path}/fail`);
      expect(failed.status).toBe(200);
      expect(failed.json()).toEqual({
        processId: process!.processId,
        status: 'failed',
        reason: { category: 'User.Request', reason: 'Process.Failed', message: 'Failed by request.' },
      });
      const read = await api.get(path);
      expect(read.json()).toMatchObject({
        status: 'failed',
        failReason: { category: 'User.Request', reason: 'Process.Failed', message: 'Failed by request.' },
        depictions: [],
      });
      expect((await api.post(`${path}/fail`)).status).toBe(409);
      const dossier = await api.get(`/assure/dossiers/${dossierId}`);
      expect(dossier.json<{ processes: { status: string }[] }>().processes[0]!.status).toBe('failed');
    });

    it('lists the stored depictions of a final process', async () => {
      const { api } = server();
      const { dossierId, process } = await createProcess({ provider: 'onfido' });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
      await api.post(`${path}/images`, { front: await jpegDataUrl(), back: await jpegDataUrl() });
      await api.post(`${path}/fail`);
      expect((await api.get(path)).json<{ depictions: string[] }>().depictions.sort()).toEqual(['back', 'front']);
    });

    it('deletes a process and its image blobs', async () => {
      const { api, env } = server();
      const { dossierId, process } = await createProcess({
        provider: 'signicatpaper',
        documentType: 'passport',
        documentCountry: 'PRT',
      });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
      const before = countBlobFiles(env.dataDir);
      await api.post(`${path}/images`, { front: await jpegDataUrl() });
      expect(countBlobFiles(env.dataDir)).toBe(before + 1);
      expect((await api.delete(path)).status).toBe(204);
      expect(countBlobFiles(env.dataDir)).toBe(before);
      expect((await api.get(path)).status).toBe(404);
      expect((await api.get(`/assure/dossiers/${dossierId}`)).json<{ processes: unknown[] }>().processes).toEqual([]);
    });

    it('refuses to delete an Onfido process, or its dossier, while it is processing', async () => {
      const { api } = server();
      const { dossierId, process } = await createProcess({
        provider: 'onfido',
        processType: 'document',
        documentType: 'passport',
      });
      const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
      await api.post(`${path}/images`, { front: await jpegDataUrl() });
      await api.post(path, {});
      expect((await api.delete(path)).status).toBe(409);
      expect((await api.delete(`/assure/dossiers/${dossierId}`)).status).toBe(409);
      expect((await api.get(path)).status).toBe(200);
    });

    it.each([
      [{ provider: 'onfido' }, /^[0-9a-f-]{36}$/],
      [{ provider: 'webid', processParameters: webidParameters }, /^\d{9}$/],
      [{ provider: 'signicatvideoid' }, /^[0-9a-f-]{36}$/],
    ])("gives %j's own id as external id", async (body, pattern) => {
      const { dossierId, process } = await createProcess(body);
      const response = await server().api.get(
        `/assure/dossiers/${dossierId}/processes/${process!.processId}/external-id`,
      );
      expect(response.status).toBe(200);
      const { externalId } = response.json<{ externalId: string }>();
      expect(externalId).toMatch(pattern);
      expect(externalId).not.toBe(process!.processId);
    });

    it("gives a ReadID process's own id until its session finishes, and none for FaceTec", async () => {
      const { api } = server();
      const readid = await createProcess({ provider: 'readid' });
      const path = `/assure/dossiers/${readid.dossierId}/processes/${readid.process!.processId}/external-id`;
      expect((await api.get(path)).json()).toEqual({ externalId: readid.process!.processId });
      const facetec = await createProcess({ provider: 'facetec' });
      const response = await api.get(
        `/assure/dossiers/${facetec.dossierId}/processes/${facetec.process!.processId}/external-id`,
      );
      expect(response.status).toBe(400);
    });
  });

  it("hides another client's processes behind 404s", async () => {
    const { api, other } = server();
    const { dossierId, process } = await createProcess({ provider: 'onfido' });
    const path = `/assure/dossiers/${dossierId}/processes/${process!.processId}`;
    for (const response of await Promise.all([
      other.get(path),
      other.post(path, {}),
      other.delete(path),
      other.post(`${path}/fail`),
      other.get(`${path}/external-id`),
      other.get(`${path}/images?depiction=front`),
      other.post(`${path}/images`, { front: await jpegDataUrl() }),
    ])) {
      expect(response.status).toBe(404);
    }
    expect((await api.get(path)).json<{ status: string }>().status).toBe('pending');
    // A process is only found through its own dossier.
    const otherDossier = await newDossier();
    expect((await api.get(`/assure/dossiers/${otherDossier}/processes/${process!.processId}`)).status).toBe(404);
  });
});
