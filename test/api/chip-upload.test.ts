import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { readCertificate } from '../../src/chip/certificate.js';
import { dg1, dg15, makeKey, rsaActiveAuthentication, td3Mrz } from '../support/chip-pki.js';
import { countBlobFiles } from '../support/blobs.js';
import { waitForFinal } from '../support/sandbox-driver.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';
import { makeDocument } from '../chip/fixtures.js';

/** A trust store folder holding the document's CSCA, made before the server starts and reads it. */
const trustDir = mkdtempSync(path.join(tmpdir(), 'openassure-csca-api-'));
const chipKey = makeKey('rsa', { modulusLength: 1024 });
const document = makeDocument({ extraDataGroups: [[15, dg15(chipKey)]] });
writeFileSync(path.join(trustDir, 'nl.der'), document.cscaParty.certificate);

const b64 = (bytes: Buffer) => bytes.toString('base64');
const chipBody = (groups: Map<number, Buffer> = document.dataGroups) => ({
  sod: b64(document.files.sod),
  ...Object.fromEntries([...groups].map(([number, file]) => [`dg${number}`, b64(file)])),
});

interface Report {
  chipVerification: string;
  checks: { id: string; verdict: string; reason: string }[];
}

describe.each(storeKinds)('chip upload and live ReadID verification on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_CSCA_PATH: trustDir }, { worker: true });
  let live: ApiClient;
  beforeAll(async () => {
    live = (await server().newClient('live')).api;
  });

  async function readIdProcess(api: ApiClient = live) {
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const created = await api.post(`/assure/dossiers/${dossierId}/processes`, { provider: 'readid' });
    expect(created.status, created.text()).toBe(201);
    return `/assure/dossiers/${dossierId}/processes/${created.json<{ processId: string }>().processId}`;
  }

  async function challenge(path: string): Promise<Buffer> {
    const response = await live.get(`${path}/chip/challenge`);
    expect(response.status, response.text()).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return Buffer.from(response.json<{ challenge: string }>().challenge, 'base64');
  }

  it('accepts a genuine chip with Active Authentication over our challenge, in ReadID form', async () => {
    const path = await readIdProcess();
    const nonce = await challenge(path);
    expect(nonce).toHaveLength(8);
    const upload = await live.post(`${path}/chip`, {
      ...chipBody(),
      activeAuthentication: { challenge: b64(nonce), signature: b64(rsaActiveAuthentication(chipKey, nonce)) },
    });
    expect(upload.status, upload.text()).toBe(201);
    expect((await live.post(path, {})).status).toBe(200);
    const body = await waitForFinal(live, path, 60_000);
    expect(body).toMatchObject({
      status: 'accepted',
      providerSpecific: {
        consolidatedIdentityData: {
          chipVerification: 'SUCCEEDED',
          chipCloneDetection: 'SUCCEEDED',
          documentType: 'passport',
          documentNumber: 'XA1234567',
          lastName: 'TESTPERSON',
          firstName: 'ANNA MARIA',
          dateOfBirth: '1990-01-15',
          issuingCountry: 'NLD',
          personalIdentificationNumber: '123456782',
        },
        documentContent: {
          mrzLastName: 'TESTPERSON',
          placeOfBirth: 'AMSTERDAM',
          dateOfIssue: '2024-01-15',
          issuingAuthority: 'TEST AUTHORITY',
        },
      },
      finalResult: { documentNumber: 'XA1234567', lastName: 'TESTPERSON' },
    });
    // The full report is the raw result, as ReadID's session.json.
    const raw = (await live.get(`${path}/raw`)).json<{ chipReport: Report }>();
    expect(raw.chipReport.checks.find((c) => c.id === 'activeAuthentication')?.verdict).toBe('SUCCEEDED');
    expect(raw.chipReport.checks.find((c) => c.id === 'dg1PrintedMrz')?.verdict).toBe('NOT_PRESENT');
  });

  it('makes a replayed challenge inconclusive, and a changed data group rejected', async () => {
    const first = await readIdProcess();
    const nonce = await challenge(first);
    const answer = { challenge: b64(nonce), signature: b64(rsaActiveAuthentication(chipKey, nonce)) };
    expect((await live.post(`${first}/chip`, { ...chipBody(), activeAuthentication: answer })).status).toBe(201);
    // The same answer again (a recorded session played back) replaces the upload, as a replay.
    expect((await live.post(`${first}/chip`, { ...chipBody(), activeAuthentication: answer })).status).toBe(201);
    expect((await live.post(first, {})).status).toBe(200);
    expect(await waitForFinal(live, first, 60_000)).toMatchObject({
      status: 'inconclusive',
      providerSpecific: { consolidatedIdentityData: { chipVerification: 'SUCCEEDED', chipCloneDetection: 'FAILED' } },
    });
    const report = (await live.get(`${first}/raw`)).json<{ chipReport: Report }>().chipReport;
    expect(report.checks.find((c) => c.id === 'activeAuthentication')?.reason).toMatch(/already used: a replay/);

    const second = await readIdProcess();
    const changed = new Map(document.dataGroups);
    changed.set(
      1,
      dg1(
        td3Mrz({
          state: 'NLD',
          surname: 'OTHER',
          given: 'ANNA',
          number: 'XA1234567',
          birth: '900115',
          sex: 'F',
          expiry: '340120',
        }),
      ),
    );
    expect((await live.post(`${second}/chip`, chipBody(changed))).status).toBe(201);
    expect((await live.post(second, {})).status).toBe(200);
    expect(await waitForFinal(live, second, 60_000)).toMatchObject({
      status: 'rejected',
      providerSpecific: { consolidatedIdentityData: { chipVerification: 'FAILED' } },
    });
  });

  it('checks every file before storing anything, and freezes the upload once verification started', async () => {
    const path = await readIdProcess();
    expect((await live.post(path, {})).json<{ detail: string }>().detail).toMatch(/Upload the chip files/);
    const notBase64 = await live.post(`${path}/chip`, { ...chipBody(), dg1: 'YQ==\n' });
    expect(notBase64.status).toBe(400);
    expect(notBase64.json<{ detail: string }>().detail).toBe('dg1: not strict base64.');
    const wrongTag = await live.post(`${path}/chip`, { ...chipBody(), dg11: b64(Buffer.from('hello')) });
    expect(wrongTag.json<{ detail: string }>().detail).toBe('dg11: does not start with tag 6b.');
    const tooLarge = await live.post(`${path}/chip`, { ...chipBody(), dg1: b64(Buffer.alloc(2048, 0x61)) });
    expect(tooLarge.status).toBe(413);
    const missing = await live.post(`${path}/chip`, { sod: b64(document.files.sod) });
    expect(missing.status).toBe(400);
    const shortChallenge = await live.post(`${path}/chip`, {
      ...chipBody(),
      activeAuthentication: { challenge: 'AAAA', signature: 'AAAA' },
    });
    expect(shortChallenge.json<{ detail: string }>().detail).toMatch(/must be 8 bytes/);

    expect((await live.post(`${path}/chip`, chipBody())).status).toBe(201);
    expect((await live.post(path, {})).status).toBe(200);
    expect((await live.post(`${path}/chip`, chipBody())).status).toBe(409);
    expect((await live.get(`${path}/chip/challenge`)).status).toBe(409);
    // Without DG15's answer the chip's originality is not established.
    expect(await waitForFinal(live, path, 60_000)).toMatchObject({ status: 'inconclusive' });
  });

  it('keeps one encrypted blob of chip files per process, and deletes it with the process', async () => {
    const processPath = await readIdProcess();
    const blobs = () => countBlobFiles(server().env.dataDir);
    const before = blobs();
    expect((await live.post(`${processPath}/chip`, chipBody())).status).toBe(201);
    expect(blobs()).toBe(before + 1);
    // A second upload replaces the first; a refused one leaves nothing behind.
    expect((await live.post(`${processPath}/chip`, chipBody())).status).toBe(201);
    expect((await live.post(`${processPath}/chip`, { ...chipBody(), dg12: 'not base64!' })).status).toBe(400);
    await expect.poll(blobs).toBe(before + 1);
    // Encrypted at rest: DG1, raw or in the base64 the blob's JSON would hold, is in no file of the blob directory.
    const blobDir = path.join(server().env.dataDir, 'blobs');
    const files = readdirSync(blobDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    const dg1File = document.dataGroups.get(1)!;
    const forms = [dg1File, Buffer.from(b64(dg1File))];
    const holds = (entry: { parentPath: string; name: string }) => {
      const bytes = readFileSync(path.join(entry.parentPath, entry.name));
      return forms.some((form) => bytes.includes(form));
    };
    expect(files.filter(holds)).toEqual([]);
    expect((await live.delete(processPath)).status).toBe(204);
    await expect.poll(blobs).toBe(before);
  });

  it('keeps chip files to live ReadID processes of their own client', async () => {
    const path = await readIdProcess();
    expect((await server().api.post(`${path}/chip`, chipBody())).status).toBe(404);
    const sandboxPath = await readIdProcess(server().api);
    const sandbox = await server().api.post(`${sandboxPath}/chip`, chipBody());
    expect(sandbox.status).toBe(400);
    expect(sandbox.json<{ detail: string }>().detail).toMatch(/chip files are for live clients/);
    const { dossierId } = (await live.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const paper = await live.post(`/assure/dossiers/${dossierId}/processes`, {
      provider: 'signicatpaper',
      documentType: 'passport',
      documentCountry: 'UNIV',
    });
    const paperPath = `/assure/dossiers/${dossierId}/processes/${paper.json<{ processId: string }>().processId}`;
    expect((await live.get(`${paperPath}/chip/challenge`)).json<{ detail: string }>().detail).toMatch(
      /do not take chip files/,
    );
  });

  it('trusts a new CSCA once the trust store is reloaded (SIGHUP)', async () => {
    const other = makeDocument({ cscaKey: makeKey('brainpoolP256r1'), signerKey: makeKey('brainpoolP256r1') });
    const upload = {
      sod: b64(other.files.sod),
      ...Object.fromEntries([...other.dataGroups].map(([n, f]) => [`dg${n}`, b64(f)])),
    };
    const before = await readIdProcess();
    await live.post(`${before}/chip`, upload);
    await live.post(before, {});
    expect(await waitForFinal(live, before, 60_000)).toMatchObject({ status: 'rejected' });

    writeFileSync(path.join(trustDir, `other-${kind}.der`), other.cscaParty.certificate);
    const loaded = await server().app.reloadTrust();
    expect(loaded.certificates.map((c) => c.fingerprint)).toContain(
      readCertificate(other.cscaParty.certificate).fingerprint,
    );
    const after = await readIdProcess();
    await live.post(`${after}/chip`, upload);
    await live.post(after, {});
    expect(await waitForFinal(live, after, 60_000)).toMatchObject({ status: 'accepted' });
  });
});
