import { describe, expect, it } from 'vitest';
import type { Session } from '../api/types';
import { isMobileDevice, type DeviceHints } from './device';
import { allCountries, countriesFor, initialCountry, onlyChoice, typesFor } from './documents';
import { nextPage, pageAfter, pageId, planPages, startPage } from './pages';

function session(change: (session: Session) => void = () => undefined): Session {
  const base: Session = {
    processId: 'p',
    dossierId: 'd',
    provider: 'signicatpaper',
    providerTitle: 'Signicat Paper',
    processType: null,
    flow: 'capture',
    environment: 'sandbox',
    device: 'primary',
    status: 'pending',
    csrfToken: 'c',
    expiresAt: '2030-01-01T00:00:00Z',
    redirectUrl: null,
    language: 'en',
    languages: ['en'],
    translations: {},
    theme: {
      pageTitle: 'Capture',
      faviconUrl: null,
      fontName: null,
      fontCssUrl: null,
      primaryColor: '#000',
      fontColor: '#000',
      buttonsColor: '#000',
      buttonsHoverColor: '#000',
      buttonsTextColor: '#fff',
      spinnerColor: '#000',
      customCssUrl: null,
    },
    screens: {
      prerequisites: { show: true, items: [] },
      consent: true,
      documentInstructions: { show: true, items: [] },
      accessibilityLink: false,
      countryBeforeDocumentType: true,
      modalBeforeRedirect: true,
    },
    capture: {
      allowFileUpload: { mobile: true, desktop: true },
      allowTakePhoto: { mobile: true, desktop: true },
      useNativeCamera: false,
      autoCapture: false,
      detectGlare: { takePhoto: true, uploadPhoto: true },
      allowZoomOnPreview: { takePhoto: false, uploadPhoto: false },
      orientationConfirmation: false,
      maxRetries: 2,
    },
    document: {
      needed: true,
      selected: null,
      defaultCountry: 'NOR',
      options: [
        {
          documentType: 'passport',
          countries: [
            { iso3: 'NOR', iso2: 'NO' },
            { iso3: 'SWE', iso2: 'SE' },
          ],
        },
        { documentType: 'identityCard', countries: [{ iso3: 'SWE', iso2: 'SE' }] },
      ],
    },
    steps: [],
    images: {},
    selfieVideo: null,
    handover: {
      enabled: true,
      modes: ['qrCode'],
      force: false,
      smsDefaultCountry: null,
      status: 'none',
      expiresAt: null,
    },
    sandbox: null,
  };
  change(base);
  return base;
}

const ids = (pages: ReturnType<typeof planPages>) => pages.map(pageId);
const phone = { desktop: false, handoverDeclined: false };
const desktop = { desktop: true, handoverDeclined: false };

describe('the pages of the flow', () => {
  it('shows every configured screen in order, and the photo steps once a document is chosen', () => {
    expect(ids(planPages(session(), phone))).toEqual([
      'prerequisites',
      'consent',
      'document',
      'instructions',
      'review',
    ]);
    const chosen = session((s) => {
      s.document.selected = { documentType: 'identityCard', documentCountry: 'SWE' };
      s.steps = ['front', 'back', 'selfie'];
    });
    expect(ids(planPages(chosen, phone))).toEqual([
      'prerequisites',
      'consent',
      'document',
      'instructions',
      'capture:front',
      'capture:back',
      'capture:selfie',
      'review',
    ]);
  });

  it('leaves out the screens the configuration turns off', () => {
    const bare = session((s) => {
      s.screens.prerequisites.show = false;
      s.screens.consent = false;
      s.screens.documentInstructions.show = false;
      s.document.needed = false;
      s.steps = ['selfie'];
    });
    expect(ids(planPages(bare, phone))).toEqual(['capture:selfie', 'review']);
  });

  it('offers the handover on a desktop, on any device when forced, never on the phone it was handed to', () => {
    expect(ids(planPages(session(), desktop))).toContain('handover');
    expect(ids(planPages(session(), phone))).not.toContain('handover');
    expect(
      ids(
        planPages(
          session((s) => (s.handover.force = true)),
          phone,
        ),
      ),
    ).toContain('handover');
    expect(
      ids(
        planPages(
          session((s) => (s.handover.enabled = false)),
          desktop,
        ),
      ),
    ).not.toContain('handover');
    expect(
      ids(
        planPages(
          session((s) => (s.device = 'handover')),
          desktop,
        ),
      ),
    ).not.toContain('handover');
    expect(ids(planPages(session(), { desktop: true, handoverDeclined: true }))).not.toContain('handover');
  });

  it('moves on by position, also from a page that left the plan (the handover after "continue here")', () => {
    const pages = planPages(session(), { desktop: true, handoverDeclined: true });
    expect(pageId(pageAfter(pages, { kind: 'handover' }))).toBe('document');
    expect(pageId(pageAfter(pages, { kind: 'consent' }))).toBe('document');
  });

  it('goes from a kept photo to the next one missing, and from a retake back to the review', () => {
    const chosen = session((s) => {
      s.document.selected = { documentType: 'identityCard', documentCountry: 'SWE' };
      s.steps = ['front', 'back'];
      s.images = { front: { kept: true, attemptsUsed: 1 } };
    });
    const pages = planPages(chosen, phone);
    expect(pageId(nextPage(chosen, pages, { kind: 'capture', depiction: 'front' }))).toBe('capture:back');
    expect(pageId(nextPage(chosen, pages, { kind: 'review' }))).toBe('capture:back');
    chosen.images.back = { kept: true, attemptsUsed: 1 };
    expect(pageId(nextPage(chosen, pages, { kind: 'capture', depiction: 'front' }))).toBe('review');
    expect(pageId(nextPage(chosen, pages, { kind: 'document' }))).toBe('instructions');
  });

  it('resumes a reloaded page at the first photo still missing, or at the review', () => {
    const started = session((s) => {
      s.document.selected = { documentType: 'identityCard', documentCountry: 'SWE' };
      s.steps = ['front', 'back'];
      s.images = { front: { kept: true, attemptsUsed: 1 } };
    });
    expect(pageId(startPage(started, planPages(started, phone)))).toBe('capture:back');
    started.images.back = { kept: true, attemptsUsed: 2 };
    expect(pageId(startPage(started, planPages(started, phone)))).toBe('review');
    expect(pageId(startPage(session(), planPages(session(), phone)))).toBe('prerequisites');
  });

  it('puts the selfie video after the document, and resumes at it until both its parts are kept', () => {
    const live = session((s) => {
      s.document.selected = { documentType: 'identityCard', documentCountry: 'SWE' };
      s.steps = ['front', 'back', 'selfieVideo'];
      s.images = { front: { kept: true, attemptsUsed: 0 }, back: { kept: true, attemptsUsed: 0 } };
      s.selfieVideo = { prompt: 'smile', video: null };
    });
    const pages = planPages(live, phone);
    expect(pages.map(pageId).slice(-4)).toEqual(['capture:front', 'capture:back', 'capture:selfieVideo', 'review']);
    expect(pageId(startPage(live, pages))).toBe('capture:selfieVideo');
    expect(pageId(nextPage(live, pages, { kind: 'capture', depiction: 'back' }))).toBe('capture:selfieVideo');
    live.images.selfieVideo = { kept: true, attemptsUsed: 0 };
    expect(pageId(nextPage(live, pages, { kind: 'capture', depiction: 'selfieVideo' }))).toBe('review');
  });

  it('takes a desktop that is following its phone back to the handover page', () => {
    const following = session((s) => (s.handover.status = 'opened'));
    expect(pageId(startPage(following, planPages(following, desktop)))).toBe('handover');
  });
});

describe('document choice', () => {
  const { options } = session().document;

  it('lists each country once and the types each country has', () => {
    expect(allCountries(options).map((c) => c.iso3)).toEqual(['NOR', 'SWE']);
    expect(typesFor(options, 'SWE')).toEqual(['passport', 'identityCard']);
    expect(countriesFor(options, 'identityCard').map((c) => c.iso3)).toEqual(['SWE']);
  });

  it('preselects the chosen country, else the configured default, else the only one', () => {
    const countries = allCountries(options);
    expect(initialCountry(countries, 'SWE', 'NOR')).toBe('SWE');
    expect(initialCountry(countries, null, 'NOR')).toBe('NOR');
    expect(initialCountry(countries, null, 'DEU')).toBe('');
    expect(initialCountry([{ iso3: 'DEU', iso2: 'DE' }], null, null)).toBe('DEU');
  });

  it('skips the choice only when there is exactly one document in one country', () => {
    expect(onlyChoice(options)).toBeNull();
    expect(onlyChoice([{ documentType: 'passport', countries: [{ iso3: 'UNIV', iso2: null }] }])).toEqual({
      documentType: 'passport',
      documentCountry: 'UNIV',
    });
    expect(onlyChoice([{ documentType: 'passport', countries: allCountries(options) }])).toBeNull();
  });
});

describe('phone or desktop', () => {
  const hints = (change: Partial<DeviceHints>): DeviceHints => ({
    coarsePointer: false,
    finePointer: true,
    maxTouchPoints: 0,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36',
    uaMobile: undefined,
    ...change,
  });

  it('calls phones and tablets mobile, whatever their pointer', () => {
    expect(isMobileDevice(hints({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }))).toBe(true);
    expect(isMobileDevice(hints({ uaMobile: true }))).toBe(true);
    // iPadOS says it is a Mac; its touch points give it away.
    expect(
      isMobileDevice(hints({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', maxTouchPoints: 5 })),
    ).toBe(true);
    expect(isMobileDevice(hints({ coarsePointer: true, finePointer: false, maxTouchPoints: 5 }))).toBe(true);
  });

  it('calls a computer a desktop, also a laptop with a touch screen and a touchpad', () => {
    expect(isMobileDevice(hints({}))).toBe(false);
    expect(isMobileDevice(hints({ coarsePointer: true, finePointer: true, maxTouchPoints: 10 }))).toBe(false);
    expect(isMobileDevice(hints({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' }))).toBe(false);
  });
});
