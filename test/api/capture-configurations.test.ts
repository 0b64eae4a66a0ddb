import { describe, expect, it } from 'vitest';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

const configurations = '/assure/capture/configurations';

/** The request sample of upstream's reference, as printed there (empty lists and objects included). */
const upstreamSample = {
  pageTitle: 'This is a title',
  favicon: '',
  fontName: 'Raleway',
  primaryColor: '#5AAFFF',
  fontColor: '#000000',
  buttonsColor: '#000000',
  buttonsHoverColor: '#000000',
  buttonsTextColor: '#000000',
  spinnerColor: '#000000',
  documentTypes: [],
  documentCountries: {},
  twoSidedPassports: [],
  languages: [],
  translations: {},
  defaultCountry: 'NOR',
  allowFileUpload: [],
  allowTakePhoto: [],
  allowZoomOnPreview: [],
  useSignicatTheming: true,
  enableMobileHandover: false,
  enableOrientationConfirmation: false,
  autoCapture: false,
  detectGlare: [],
  customRedactionError: false,
  takeSelfie: false,
  smsDefaultCountry: 'NOR',
  maxRetries: 3,
  showModalBeforeRedirect: true,
  mobileHandoverTimeout: 3,
  mobileHandoverModes: [],
  forceMobileHandover: true,
  useNativeCamera: true,
  customCss: 'html, body {\n margin: 0;\n}',
  signicatThemingConfig: {},
  onfidoConfig: {},
  eidConfig: {},
  showConsentPage: true,
  showAccessibilityLink: true,
  showDocumentInstructionsScreen: true,
  documentInstructionsScreenItems: {},
  showPrerequisitesScreen: true,
  prerequisitesScreenItems: {},
  showCountryBeforeDocumentType: true,
};

describe.each(storeKinds)('capture configurations on %s', (kind) => {
  const server = useTestServer(kind);
  let counter = 0;
  const newId = () => `Capture${++counter}`;

  it("creates upstream's own sample (201), reads it back in the normal form, lists, replaces and deletes it", async () => {
    const { api, clock } = server();
    const id = newId();
    const path = `${configurations}/${id}`;
    expect((await api.get(path)).status).toBe(404);

    const created = await api.post(path, upstreamSample);
    expect(created.status).toBe(201);
    const body = created.json<Record<string, unknown>>();
    const { favicon: _unset, eidConfig: _alias, ...rest } = upstreamSample;
    expect(body).toEqual({
      ...rest,
      // The normal form: the VideoID block under its schema name, screen items as lists.
      signicatvideoidConfig: {},
      documentInstructionsScreenItems: [],
      prerequisitesScreenItems: [],
      id,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      updatedAt: body.createdAt,
    });
    const { id: _id, createdAt, updatedAt, ...stored } = body;
    expect((await api.get(path)).json()).toEqual(stored);
    expect((await api.get(configurations)).json<unknown[]>()).toContainEqual({ id, createdAt, updatedAt });

    const again = await api.post(path, { pageTitle: 'Other' });
    expect(again.status).toBe(409);
    expect(again.json<{ detail: string }>().detail).toContain(id);

    clock.advance(5000);
    const replaced = await api.put(path, { pageTitle: 'Replaced', allowFileUpload: ' [mobile, desktop] ' });
    expect(replaced.status).toBe(200);
    // A full replace: what was not sent is gone.
    expect(replaced.json()).toEqual({
      pageTitle: 'Replaced',
      allowFileUpload: ['mobile', 'desktop'],
      id,
      createdAt,
      updatedAt: expect.not.stringMatching(String(updatedAt)),
    });

    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.delete(path)).status).toBe(404);
    expect((await api.put(path, {})).status).toBe(404);
  });

  it('answers 400 naming every field that is wrong, and stores nothing', async () => {
    const { api } = server();
    const path = `${configurations}/${newId()}`;
    const response = await api.post(path, {
      pageTitle: 'x'.repeat(61),
      primaryColor: 'red;}body{display:none',
      languages: ['en', 'tlh'],
      documentCountries: { identityCard: 'univ' },
    });
    expect(response.status).toBe(400);
    const { detail } = response.json<{ detail: string }>();
    for (const field of ['pageTitle', 'primaryColor', 'languages.1', 'documentCountries.identityCard']) {
      expect(detail).toContain(`body.${field}`);
    }
    expect((await api.get(path)).status).toBe(404);
  });

  it('refuses ids over 100 characters and bodies that are not objects', async () => {
    const { api } = server();
    expect((await api.post(`${configurations}/${'a'.repeat(101)}`, {})).status).toBe(400);
    expect((await api.post(`${configurations}/${'a'.repeat(100)}`, {})).status).toBe(201);
    expect((await api.post(`${configurations}/${newId()}`, [1])).status).toBe(400);
  });

  it("keeps each client's configurations to itself, even under the same id", async () => {
    const { api, other } = server();
    const id = newId();
    expect((await api.post(`${configurations}/${id}`, { pageTitle: 'Mine' })).status).toBe(201);
    expect((await other.get(`${configurations}/${id}`)).status).toBe(404);
    expect((await other.get(configurations)).json<{ id: string }[]>().map((c) => c.id)).not.toContain(id);
    expect((await other.delete(`${configurations}/${id}`)).status).toBe(404);
    expect((await other.post(`${configurations}/${id}`, { pageTitle: 'Theirs' })).status).toBe(201);
    expect((await api.get(`${configurations}/${id}`)).json()).toEqual({ pageTitle: 'Mine' });
  });

  it('needs a token', async () => {
    const { anonymous } = server();
    expect((await anonymous.get(configurations)).status).toBe(401);
  });
});
