import { describe, expect, it } from 'vitest';
import { resolveSettings } from './settings.js';

const plain = { usesPictureIdBlock: false };

describe('the settings a capture flow runs with', () => {
  it("fills in upstream's defaults where the configuration says nothing", () => {
    const settings = resolveSettings(undefined, undefined, {}, plain);
    expect(settings).toMatchObject({
      language: 'en',
      languages: ['en'],
      defaultCountry: 'NOR',
      allowFileUpload: { mobile: true, desktop: true },
      allowTakePhoto: { mobile: true, desktop: true },
      maxRetries: 0,
      modalBeforeRedirect: true,
      twoSidedPassports: [],
      handover: { enabled: true, modes: ['sms', 'qrCode'], force: false, timeoutMinutes: 0 },
      colors: { font: 'black', buttonsText: 'white' },
    });
    // Button and spinner colours follow the primary colour unless set.
    expect(settings.colors.buttons).toBe(settings.colors.primary);
    expect(settings.colors.spinner).toBe(settings.colors.primary);
  });

  it('overlays uiProfileJSON on the uiProfile field by field, and the request parameters on both', () => {
    const settings = resolveSettings(
      { pageTitle: 'Profile', primaryColor: '#111111', maxRetries: 2, defaultCountry: 'SWE', languages: ['nl', 'en'] },
      { pageTitle: 'JSON', buttonsColor: '#222222' },
      { defaultCountry: 'PRT', uiLanguage: 'pt' },
      plain,
    );
    expect(settings.pageTitle).toBe('JSON');
    expect(settings.colors).toMatchObject({ primary: '#111111', buttons: '#222222', spinner: '#111111' });
    expect(settings.maxRetries).toBe(2);
    expect(settings.defaultCountry).toBe('PRT');
    // The initial language is offered even though the list left it out.
    expect(settings.language).toBe('pt');
    expect(settings.languages).toEqual(['pt', 'nl', 'en']);
  });

  it("applies PictureID's own block to PictureID flows only", () => {
    const configuration = {
      allowFileUpload: ['mobile' as const, 'desktop' as const],
      defaultCountry: 'NOR',
      signicatpictureidConfig: {
        allowFileUpload: ['desktop' as const],
        defaultCountry: 'GBR',
        allowedIdTypes: [137],
        translations: { en: { start_title: 'Hello' } },
      },
    };
    const pictureId = resolveSettings(configuration, undefined, {}, { usesPictureIdBlock: true });
    expect(pictureId).toMatchObject({
      allowFileUpload: { mobile: false, desktop: true },
      defaultCountry: 'GBR',
      allowedIdTypes: [137],
      translations: { en: { start_title: 'Hello' } },
    });
    const other = resolveSettings(configuration, undefined, {}, plain);
    expect(other).toMatchObject({
      allowFileUpload: { mobile: true, desktop: true },
      defaultCountry: 'NOR',
      allowedIdTypes: [],
    });
  });

  it('reads the flow lists into switches', () => {
    const settings = resolveSettings({ detectGlare: ['takePhoto'], allowZoomOnPreview: [] }, undefined, {}, plain);
    expect(settings.detectGlare).toEqual({ takePhoto: true, uploadPhoto: false });
    expect(settings.allowZoomOnPreview).toEqual({ takePhoto: false, uploadPhoto: false });
  });
});
