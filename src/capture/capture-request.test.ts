import { describe, expect, it } from 'vitest';
import {
  checkCaptureRequest,
  redirectUrlProblem,
  redirectWithOutcome,
  type RawCaptureRequest,
} from './capture-request.js';

const base: RawCaptureRequest = {
  providers: [{ provider: 'paper' }],
  sdk: 'capture',
  redirectUrl: 'https://customer.redirect.site.com',
};
const problems = (raw: RawCaptureRequest) => {
  const checked = checkCaptureRequest(raw);
  return checked.ok ? [] : checked.problems;
};

describe('checking a Start capture flow request', () => {
  it("accepts upstream's own example", () => {
    const checked = checkCaptureRequest(base);
    expect(checked).toMatchObject({ ok: true, request: { provider: { provider: 'paper' }, sdk: 'capture' } });
  });

  it('takes exactly one provider', () => {
    expect(problems({ ...base, providers: [] })).toEqual(['body.providers must hold exactly one provider.']);
    expect(problems({ ...base, providers: [{ provider: 'paper' }, { provider: 'onfido' }] })).toHaveLength(1);
  });

  it('sends end-users back only to https, or to http on this machine', () => {
    expect(redirectUrlProblem('https://example.com/done?x=1')).toBeUndefined();
    expect(redirectUrlProblem('http://localhost:3000/done')).toBeUndefined();
    expect(redirectUrlProblem('http://127.0.0.1:3000/done')).toBeUndefined();
    expect(redirectUrlProblem('http://[::1]/done')).toBeUndefined();
    expect(redirectUrlProblem('http://example.com/done')).toMatch(/https/);
    expect(redirectUrlProblem('javascript:alert(1)')).toMatch(/https/);
    expect(redirectUrlProblem('https://user:pw@example.com/')).toMatch(/password/);
    expect(redirectUrlProblem('/relative')).toMatch(/absolute/);
  });

  it("checks the capture parameters with upstream's patterns", () => {
    const withParameters = (captureParameters: RawCaptureRequest['captureParameters']) =>
      problems({ ...base, captureParameters });
    expect(withParameters({ smsSender: '123456789012345', smsMessage: 'To continue please click here:' })).toEqual([]);
    expect(withParameters({ smsSender: 'Acme Bank Ltd' })).toHaveLength(1);
    expect(withParameters({ smsSender: '1234567890123456' })).toHaveLength(1);
    expect(withParameters({ smsMessage: 'Click <a href=x>' })).toHaveLength(1);
    expect(withParameters({ smsMessage: 'x'.repeat(201) })).toHaveLength(1);
    expect(withParameters({ uiLanguage: 'cz', defaultCountry: 'nor' })).toEqual([]);
    expect(withParameters({ uiLanguage: 'tlh' })[0]).toMatch(/uiLanguage/);
    expect(withParameters({ defaultCountry: 'XX' })[0]).toMatch(/defaultCountry/);
    expect(withParameters({ uiProfileJSON: { maxRetries: 99 } })).toEqual([
      'body.captureParameters.uiProfileJSON.maxRetries must be a whole number from 0 to 10.',
    ]);
  });

  it('takes a request domain as a host name, never a URL or a CSP source list', () => {
    expect(problems({ ...base, requestDomain: 'myapp.app.example.com' })).toEqual([]);
    expect(problems({ ...base, requestDomain: 'localhost:3000' })).toEqual([]);
    for (const bad of ['https://a.com', "a.com 'unsafe-inline'", '*.a.com', 'a.com;script-src *']) {
      expect(problems({ ...base, requestDomain: bad })).toHaveLength(1);
    }
  });
});

describe('the redirect back to the integrator', () => {
  it("adds the process and its status, keeping the URL's own query", () => {
    expect(
      redirectWithOutcome('https://example.com/done?session=7#top', {
        dossierId: 'd1',
        processId: 'p1',
        status: 'processing',
      }),
    ).toBe('https://example.com/done?session=7&dossierId=d1&processId=p1&status=processing#top');
  });
});
