import { describe, expect, it } from 'vitest';
import { parseCaptureConfiguration } from './parse-configuration.js';

const parse = (input: unknown) => parseCaptureConfiguration(input);
const ok = (input: unknown) => {
  const result = parse(input);
  if (!result.ok) throw new Error(result.problems.join(' '));
  return result.configuration;
};
const problems = (input: unknown) => {
  const result = parse(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('reading a capture configuration', () => {
  it('keeps only the fields that were set, in their normal form', () => {
    expect(ok({ pageTitle: 'Acme', primaryColor: '#5AAFFF', maxRetries: 3, unknownField: 1 })).toEqual({
      pageTitle: 'Acme',
      primaryColor: '#5AAFFF',
      maxRetries: 3,
    });
  });

  it('reads lists, booleans and numbers written as upstream writes its defaults', () => {
    expect(
      ok({
        allowFileUpload: ' [mobile, desktop] ',
        allowTakePhoto: '[mobile]',
        mobileHandoverModes: '[ sms, qrCode ]',
        languages: 'en',
        takeSelfie: 'true',
        maxRetries: '2',
      }),
    ).toEqual({
      allowFileUpload: ['mobile', 'desktop'],
      allowTakePhoto: ['mobile'],
      mobileHandoverModes: ['sms', 'qrCode'],
      languages: ['en'],
      takeSelfie: true,
      maxRetries: 2,
    });
  });

  it('maps legacy language codes to the catalogue languages, also in translations', () => {
    expect(
      ok({ languages: ['cz', 'gb', 'gr', 'uk', 'nl'], translations: { cz: { chooseCountry: 'Vyberte' } } }),
    ).toEqual({ languages: ['cs', 'en', 'el', 'nl'], translations: { cs: { chooseCountry: 'Vyberte' } } });
    expect(problems({ languages: ['en', 'xx'] })).toEqual([
      'body.languages.1 is not a language the capture app has (xx).',
    ]);
  });

  it('stores detectGlare as a list whether it came as a boolean or a list', () => {
    expect(ok({ detectGlare: true }).detectGlare).toEqual(['uploadPhoto', 'takePhoto']);
    expect(ok({ detectGlare: false }).detectGlare).toEqual([]);
    expect(ok({ detectGlare: ['takePhoto'] }).detectGlare).toEqual(['takePhoto']);
  });

  it('reads eidConfig as the VideoID block, and refuses both names at once', () => {
    expect(ok({ eidConfig: { useModal: true, allowedIdTypes: [61, 62] } })).toEqual({
      signicatvideoidConfig: { useModal: true, allowedIdTypes: [61, 62] },
    });
    expect(problems({ eidConfig: {}, signicatvideoidConfig: {} })[0]).toMatch(/same block/);
  });

  it('reads PictureID translations nested once or twice', () => {
    const once = ok({ signicatpictureidConfig: { translations: { en: { start_title: 'Hi' } } } });
    const twice = ok({ signicatpictureidConfig: { translations: { translations: { en: { start_title: 'Hi' } } } } });
    expect(once).toEqual(twice);
    expect(once.signicatpictureidConfig).toEqual({ translations: { en: { start_title: 'Hi' } } });
  });

  it('accepts screen items as a list, as an object, and as upstream samples send them ({})', () => {
    const item = { icon: 'light', title: 'Light', description: 'A well lit place' };
    expect(ok({ prerequisitesScreenItems: [item] }).prerequisitesScreenItems).toEqual([item]);
    expect(ok({ prerequisitesScreenItems: { 0: item, 1: item } }).prerequisitesScreenItems).toEqual([item, item]);
    expect(ok({ prerequisitesScreenItems: item }).prerequisitesScreenItems).toEqual([item]);
    expect(ok({ documentInstructionsScreenItems: {} }).documentInstructionsScreenItems).toEqual([]);
  });

  it('checks document countries per type: univ and UNIV for passports only, real alpha-3 codes', () => {
    expect(ok({ documentCountries: { passport: 'univ', identityCard: ['nld', 'PRT'] } })).toEqual({
      documentCountries: { passport: 'univ', identityCard: ['NLD', 'PRT'] },
    });
    expect(ok({ documentCountries: { passport: ['NOR', 'UNIV'] } }).documentCountries).toEqual({
      passport: ['NOR', 'UNIV'],
    });
    expect(
      problems({ documentCountries: { identityCard: 'univ', driversLicense: ['UNIV'], passport: ['XXX'] } }),
    ).toEqual([
      'body.documentCountries.identityCard "univ" is only available for passports.',
      'body.documentCountries.driversLicense "UNIV" is only available for passports.',
      'body.documentCountries.passport.0 must be an ISO 3166 alpha-3 country code.',
    ]);
    expect(problems({ documentCountries: { spaceship: ['NLD'] } })[0]).toMatch(/is not a document type/);
  });

  it('keeps twoSidedPassports null, all, or a list of countries', () => {
    expect(ok({ twoSidedPassports: null })).toEqual({ twoSidedPassports: null });
    expect(ok({ twoSidedPassports: 'all' })).toEqual({ twoSidedPassports: 'all' });
    expect(ok({ twoSidedPassports: ['nld'] })).toEqual({ twoSidedPassports: ['NLD'] });
  });

  it('refuses colours that are not colours, so nothing but a colour reaches the style sheet', () => {
    expect(ok({ fontColor: 'black', buttonsColor: 'rgb(0, 10, 255)', spinnerColor: '#abcd' })).toBeTruthy();
    expect(problems({ primaryColor: 'red; background: url(https://evil.test/x)' })).toEqual([
      'body.primaryColor must be a colour: a hex code (#5AAFFF), rgb(...) or a CSS colour name.',
    ]);
    expect(problems({ fontColor: 'blak' })).toHaveLength(1);
  });

  it('checks favicon data URIs and links, and reads an empty favicon as unset', () => {
    expect(ok({ favicon: '' })).toEqual({});
    expect(ok({ favicon: 'data:image/png;base64,iVBORw0KGgo=' }).favicon).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(ok({ favicon: 'https://cdn.example.com/icon.ico' })).toBeTruthy();
    expect(problems({ favicon: 'data:text/html;base64,PGgxPg==' })).toHaveLength(1);
    expect(problems({ favicon: 'javascript:alert(1)' })).toHaveLength(1);
    expect(problems({ fontUrl: 'https://user:pw@fonts.example.com/x.css' })[0]).toMatch(/user name/);
  });

  it('lists every problem at once, naming each field', () => {
    expect(
      problems({ pageTitle: 'x'.repeat(61), maxRetries: -1, takeSelfie: 'yes', mobileHandoverModes: ['email'] }),
    ).toEqual([
      'body.pageTitle must be at most 60 characters.',
      'body.takeSelfie must be true or false.',
      'body.maxRetries must be a whole number from 0 to 10.',
      'body.mobileHandoverModes.0 must be one of sms, qrCode.',
    ]);
    expect(problems([1, 2])).toEqual(['body must be a JSON object.']);
  });

  it('bounds the blocks it stores without using them', () => {
    expect(ok({ onfidoConfig: { language: 'nb', customHtml: '<div id="onfido-mount"></div>' } })).toBeTruthy();
    expect(problems({ onfidoConfig: { customHtml: 'x'.repeat(70 * 1024) } })[0]).toMatch(/at most 64 KB/);
  });
});
