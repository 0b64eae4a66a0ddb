import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { CaptureBrowser } from '../support/capture-client.js';
import { makeImage } from '../support/images.js';
import { syntheticDocument } from '../support/live-documents.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

interface Session {
  flow: string;
  status: string;
  steps: string[];
  redirectUrl: string | null;
  document: { needed: boolean; selected: unknown; options: { documentType: string; countries: { iso3: string }[] }[] };
  images: Record<string, { kept: boolean; attemptsUsed: number }>;
  handover: { status: string };
  sandbox: { scenarios: { id: string }[] } | null;
  theme: Record<string, unknown>;
  languages: string[];
  capture: { maxRetries: number };
}

const redirect = 'https://example.com/done?ref=42';

describe.each(storeKinds)('the capture steps on %s', (kind) => {
  const server = useTestServer(kind, { OPENASSURE_OUTBOUND_ALLOW_PRIVATE: 'true' }, { worker: true });

  async function startFlow(body: object, headers: Record<string, string> = {}) {
    const { api } = server();
    const { dossierId } = (await api.post('/assure/dossiers', {})).json<{ dossierId: string }>();
    const response = await api.post(`/assure/dossiers/${dossierId}/capture`, body, { headers });
    expect(response.status).toBe(201);
    const user = new CaptureBrowser(server().baseUrl);
    const opened = await user.open(response.json<{ url: string }>().url);
    expect(opened.status).toBe(200);
    const session = opened.json<Session & { processId: string }>();
    return { user, dossierId, processId: session.processId, session };
  }

  async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('takes a Signicat Paper passport from document choice to a finished sandbox verification', async () => {
    const { api } = server();
    const { user, dossierId, processId, session } = await startFlow(
      { providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: redirect },
      { 'x-sandbox-scenario': 'signicatpaper-rejected-expired' },
    );
    expect(session.document.needed).toBe(true);
    expect(session.steps).toEqual([]);
    expect(session.document.options.map((o) => o.documentType)).toContain('passport');
    // An image before the document is chosen is not expected yet.
    expect((await user.upload('front', await makeImage('jpeg', 800, 600))).status).toBe(409);

    const chosen = await user.request('PUT', '/session/document', { documentType: 'passport', documentCountry: 'NLD' });
    expect(chosen.status).toBe(200);
    expect(chosen.json<Session>().steps).toEqual(['front']);
    const refused = await user.request('PUT', '/session/document', {
      documentType: 'passport',
      documentCountry: 'USA',
    });
    expect(refused.status).toBe(400);

    const document = await syntheticDocument(3, 'TD3');
    const upload = await user.upload('front', document.image);
    expect(upload.status).toBe(200);
    expect(upload.json()).toMatchObject({ accepted: true, problems: [] });
    expect(upload.json<{ session: Session }>().session.images.front).toEqual({ kept: true, attemptsUsed: 0 });
    expect((await user.upload('back', document.image)).status).toBe(409);

    const finished = await user.request('POST', '/session/finish', {});
    expect(finished.status).toBe(200);
    const url = new URL(finished.json<{ redirectUrl: string }>().redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://example.com/done');
    expect(Object.fromEntries(url.searchParams)).toEqual({ ref: '42', dossierId, processId, status: 'processing' });
    // Finishing twice, or changing anything afterwards, is refused.
    expect((await user.request('POST', '/session/finish', {})).status).toBe(409);
    expect((await user.upload('front', document.image)).status).toBe(409);

    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    await waitFor(async () => (await api.get(path)).json<{ status: string }>().status === 'rejected');
    expect((await api.get(path)).json()).toMatchObject({ depictions: ['front'] });
    expect((await api.get(`${path}/images?depiction=front`)).status).toBe(200);
    expect((await user.session()).json<Session>()).toMatchObject({
      status: 'rejected',
      redirectUrl: finished.json<{ redirectUrl: string }>().redirectUrl,
    });
  });

  it('asks again for an image the checks refuse, at most maxRetries times, then takes it', async () => {
    const { api } = server();
    await api.post('/assure/capture/configurations/TwoRetries', { maxRetries: 1 });
    const { user } = await startFlow({
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: redirect,
      captureParameters: { uiProfile: 'TwoRetries' },
    });
    await user.request('PUT', '/session/document', { documentType: 'passport', documentCountry: 'NLD' });
    // A smooth gradient: no MRZ where a passport has one, and no detail to be sharp.
    const blank = await makeImage('jpeg', 1200, 850);
    const first = await user.upload('front', blank);
    expect(first.json()).toMatchObject({ accepted: false, attemptsLeft: 0 });
    expect(first.json<{ problems: { code: string }[] }>().problems.map((p) => p.code)).toContain('mrz-not-found');
    expect(first.json<{ session: Session }>().session.images.front).toEqual({ kept: false, attemptsUsed: 1 });
    expect((await user.request('POST', '/session/finish', {})).json()).toMatchObject({ type: 'capture:incomplete' });
    const second = await user.upload('front', blank);
    expect(second.json()).toMatchObject({ accepted: true, attemptsLeft: 0 });
    expect(second.json<{ problems: unknown[] }>().problems.length).toBeGreaterThan(0);
  });

  it('refuses what is not an image, and images over the size limit', async () => {
    const { user } = await startFlow({ providers: [{ provider: 'paper' }], sdk: 'capture', redirectUrl: redirect });
    await user.request('PUT', '/session/document', { documentType: 'passport', documentCountry: 'NLD' });
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expect((await user.request('POST', '/session/images/front', undefined, { raw: html })).status).toBe(400);
    expect(
      (await user.request('POST', '/session/images/front', undefined, { raw: html, contentType: 'text/html' })).status,
    ).toBe(415);
    const huge = Buffer.concat([await makeImage('jpeg', 800, 600), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await user.upload('front', huge)).status).toBe(413);
  });

  it('cancels: the process is canceled, notified, and the end-user goes back with status=canceled', async () => {
    const { api } = server();
    const { user, dossierId, processId } = await startFlow({
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: redirect,
    });
    const canceled = await user.request('POST', '/session/cancel', {});
    expect(canceled.status).toBe(200);
    expect(new URL(canceled.json<{ redirectUrl: string }>().redirectUrl).searchParams.get('status')).toBe('canceled');
    const process = (await api.get(`/assure/dossiers/${dossierId}/processes/${processId}`)).json();
    expect(process).toMatchObject({ status: 'canceled' });
    expect((await user.request('POST', '/session/cancel', {})).status).toBe(409);
  });

  it('adds the selfie a PictureID documentSelfie needs, and the back of a card', async () => {
    const { user } = await startFlow({
      providers: [{ provider: 'signicatpictureid', processType: 'documentSelfie' }],
      sdk: 'capture',
      redirectUrl: redirect,
    });
    const card = (await user.session())
      .json<Session>()
      .document.options.find((o) => o.documentType === 'identityCard')!;
    const chosen = await user.request('PUT', '/session/document', {
      documentType: 'identityCard',
      documentCountry: card.countries[0]!.iso3,
    });
    expect(chosen.json<Session>().steps).toEqual(['front', 'back', 'selfie']);
  });

  it('shows the sandbox provider page for providers whose own app finishes, and plays the picked outcome', async () => {
    const { api } = server();
    const { user, dossierId, processId, session } = await startFlow({
      providers: [{ provider: 'eid', processType: 'substantial' }],
      sdk: 'native',
      redirectUrl: redirect,
    });
    expect(session.flow).toBe('sandbox-provider');
    expect(session.steps).toEqual([]);
    const ids = session.sandbox!.scenarios.map((s) => s.id);
    expect(ids.length).toBeGreaterThan(1);
    // Only the scenarios of this process type are offered.
    expect(ids).toContain('eid-expired-document');
    expect(ids).not.toContain('eid-agent-rejected');
    const rejected = 'eid-expired-document';
    expect((await user.request('POST', '/session/sandbox-outcome', { scenarioId: 'no-such' })).status).toBe(400);
    const picked = await user.request('POST', '/session/sandbox-outcome', { scenarioId: rejected });
    expect(picked.status).toBe(200);
    expect(new URL(picked.json<{ redirectUrl: string }>().redirectUrl).searchParams.get('status')).toBe('processing');
    const path = `/assure/dossiers/${dossierId}/processes/${processId}`;
    await waitFor(async () => (await api.get(path)).json<{ status: string }>().status === 'rejected');
    // The capture steps do not apply to it.
    expect((await user.request('POST', '/session/finish', {})).status).toBe(409);
  });

  it('hands over to a phone: the desktop follows it and goes back when the phone finishes', async () => {
    const { baseUrl } = server();
    const { user: desktop } = await startFlow({
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: redirect,
      captureParameters: { uiProfileJSON: { mobileHandoverModes: ['qrCode'] } },
    });
    const first = await desktop.request('POST', '/session/handover', { mode: 'qrCode' });
    expect(first.status).toBe(200);
    const handover = first.json<{ url: string; qrSvg: string; expiresAt: string }>();
    expect(handover.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(handover.url).not.toContain(desktop.cookie!.split('=')[1]);
    expect(
      (await desktop.request('POST', '/session/handover', { mode: 'sms', phoneNumber: '+4712345678' })).status,
    ).toBe(409);
    // A newer code replaces the first.
    const latest = (await desktop.request('POST', '/session/handover', { mode: 'qrCode' })).json<{ url: string }>();
    expect((await new CaptureBrowser(baseUrl).open(handover.url)).json()).toMatchObject({
      type: 'capture:link-expired',
    });
    expect((await desktop.session()).json<Session>().handover.status).toBe('waiting');

    const phone = new CaptureBrowser(baseUrl);
    expect((await phone.open(latest.url)).json()).toMatchObject({ device: 'handover' });
    expect((await desktop.session()).json<Session>().handover.status).toBe('opened');
    expect((await phone.request('POST', '/session/handover', { mode: 'qrCode' })).status).toBe(409);

    await phone.request('PUT', '/session/document', { documentType: 'passport', documentCountry: 'NLD' });
    await phone.upload('front', (await syntheticDocument(5, 'TD3')).image, 'camera');
    const done = await phone.request('POST', '/session/finish', {});
    expect(done.status).toBe(200);
    const view = (await desktop.session()).json<Session>();
    expect(view.handover.status).toBe('finished');
    expect(view.redirectUrl).toBe(done.json<{ redirectUrl: string }>().redirectUrl);
  });

  it('frames the session with the configuration: theme, languages, document filter', async () => {
    const { api } = server();
    await api.post('/assure/capture/configurations/Branded', {
      primaryColor: '#112233',
      languages: ['nl', 'cz'],
      documentTypes: ['passport'],
      documentCountries: { passport: ['NLD', 'UNIV'] },
      customCss: 'body { letter-spacing: 0.01em; }',
    });
    const { user, session } = await startFlow({
      providers: [{ provider: 'paper' }],
      sdk: 'capture',
      redirectUrl: redirect,
      captureParameters: { uiProfile: 'Branded', uiLanguage: 'nl' },
    });
    expect(session.theme).toMatchObject({
      primaryColor: '#112233',
      buttonsColor: '#112233',
      customCssUrl: '/assure/capture/api/theme/custom.css',
    });
    expect(session.languages).toEqual(['nl', 'cs']);
    expect(session.document.options).toEqual([
      {
        documentType: 'passport',
        countries: [
          { iso3: 'NLD', iso2: 'NL' },
          { iso3: 'UNIV', iso2: null },
        ],
      },
    ]);
    const css = await user.request('GET', '/theme/custom.css');
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.text).toBe('body { letter-spacing: 0.01em; }');
  });

  it('notifies the client when the end-user cancels, with a signed webhook', async () => {
    const { api } = server();
    const hook = await WebhookReceiver.start();
    try {
      const created = await api.post('/assure/webhooks', { url: hook.url(), events: ['process.status_changed'] });
      const { secret } = created.json<{ secret: string }>();
      const { user, processId } = await startFlow({
        providers: [{ provider: 'paper' }],
        sdk: 'capture',
        redirectUrl: redirect,
      });
      await user.request('POST', '/session/cancel', {});
      // The endpoint gets every process's changes, and an earlier test's process may still be finishing.
      const ofThisProcess = async () => {
        const verified = hook.requests.map(
          (request) =>
            new Webhook(secret).verify(request.body, request.headers as Record<string, string>) as {
              data: { processId: string; status: string };
            },
        );
        return verified.find((payload) => payload.data.processId === processId);
      };
      await expect.poll(ofThisProcess, { timeout: 20_000, interval: 100 }).toBeDefined();
      expect((await ofThisProcess())!.data).toMatchObject({ processId, status: 'canceled' });
    } finally {
      await hook.close();
    }
  });
});
