import { describe, expect, it } from 'vitest';
import { describeUpstreamExamples, outcomeDifferences } from '../../../test/support/provider-examples.js';
import { processExamplesOf, specAvailable } from '../../../test/support/spec-examples.js';
import { webid } from './definition.js';
import { documentTypeOf } from './final-result.js';
import type { WebIdIdentResponse } from './raw.js';

import { accountIdExample, videoIdExample } from './upstream-errata.js';
import type { Outcome } from '../../core/domain.js';

describeUpstreamExamples(webid);

const map = (raw: unknown, processType: string | null = 'videoid'): Outcome =>
  webid.mapResult(raw, { processType, today: '2026-11-21' });
const scenarioRaw = (id: string) => webid.scenarios.find((s) => s.id === id)!.raw as WebIdIdentResponse;
const identified = scenarioRaw('webid-accepted');

describe.skipIf(!specAvailable())('webid: errata examples, apart from the erratum', () => {
  it.each([
    [videoIdExample, 'webid-accepted', {}],
    [accountIdExample, 'webid-accepted-bank-account', { dateOfExpiry: '2027-08-23' }],
  ] as const)('reproduces the finalResult of %s once normalised', (source, scenario, corrections) => {
    const documented = structuredClone(processExamplesOf('webid').find((e) => e.source === source)!);
    Object.assign(documented.example.finalResult as object, { nationality: 'DEU', ...corrections });
    const processType = String(documented.example.processType);
    expect(outcomeDifferences(documented, map(scenarioRaw(scenario), processType))).toEqual([]);
  });
});

describe('webid: status from success and mismatch', () => {
  it.each([
    [true, false, 'accepted'],
    [true, true, 'rejected'],
    [false, false, 'rejected'],
    [false, true, 'rejected'],
  ] as const)('success %s, mismatch %s: %s', (success, mismatch, status) => {
    for (const processType of ['videoid', 'accountid', null]) {
      expect(map({ ...identified, success, mismatch }, processType).status).toBe(status);
    }
  });

  it('shows the ident response, with the rejection reason, and no finalResult when rejected', () => {
    const outcome = map(scenarioRaw('webid-expired-document'));
    expect(outcome).toEqual({
      status: 'rejected',
      providerSpecific: {
        identResponse: expect.objectContaining({ success: false, rejectionReason: 'The ID document has expired.' }),
      },
    });
    expect(outcome.providerSpecific?.identResponse).not.toHaveProperty('identifiedOn');
  });

  it('keeps only the documented fields of the ident response', () => {
    const raw = {
      ...identified,
      customParameters: { signicatEnvironmentPrefix: 'x' },
      user: { ...identified.user, ssn: '1' },
    };
    const identResponse = map(raw).providerSpecific?.identResponse as Record<string, unknown>;
    expect(identResponse).not.toHaveProperty('customParameters');
    expect(identResponse.user).not.toHaveProperty('ssn');
  });
});

describe('webid: finalResult', () => {
  it('normalises dates, country and gender', () => {
    const raw: WebIdIdentResponse = {
      ...identified,
      user: { ...identified.user, dateOfBirth: '17.02.1990', gender: 'female' },
      idDocument: { ...identified.idDocument, dateOfExpiry: '2027-08-23T00:00:00+02:00', nationality: 'deu' },
    };
    expect(map(raw).finalResult).toMatchObject({
      dateOfBirth: '1990-02-17',
      dateOfExpiry: '2027-08-23',
      gender: 'F',
      nationality: 'DEU',
    });
  });

  it('leaves out what is empty or cannot be normalised, rather than guessing', () => {
    const raw: WebIdIdentResponse = {
      ...identified,
      user: { firstname: 'Erica', lastname: ' ', dateOfBirth: '1990-02-31', gender: 'X' },
      idDocument: { documentType: 'Bibliotheksausweis', nationality: 'Atlantis', idNumber: '' },
    };
    expect(map(raw).finalResult).toEqual({ firstName: 'Erica' });
  });

  it('reads the Assure spellings when WebID gives no others', () => {
    const raw = { ...identified, user: { firstName: 'Erica', lastName: 'Mustermann', sex: 'F' } };
    expect(map(raw).finalResult).toMatchObject({ firstName: 'Erica', lastName: 'Mustermann', gender: 'F' });
  });

  it('omits finalResult when the ident response has no personal data', () => {
    const { user: _user, idDocument: _idDocument, ...bare } = identified;
    expect(map(bare)).not.toHaveProperty('finalResult');
  });

  it.each([
    ['Personalausweis', 'identityCard'],
    ['ID card', 'identityCard'],
    ['Reisepass', 'passport'],
    ['PASSPORT', 'passport'],
    ['Aufenthaltstitel', 'residencePermit'],
    ['Führerschein', 'driversLicense'],
    ['something else', undefined],
  ])('maps the document name %s to %s', (name, type) => {
    expect(documentTypeOf(name)).toBe(type);
  });
});

describe('webid: malformed results', () => {
  it.each([
    [{ ...identified, actionId: 'abc' }, '/actionId'],
    [{ ...identified, success: 'yes' }, '/success'],
    [(({ mismatch: _m, ...rest }) => rest)(identified), 'mismatch'],
    [{ ...identified, user: { gender: 1 } }, '/user/gender'],
    ['x', 'not an object'],
  ])('fail with the problem named: %j', (raw, problem) => {
    expect(map(raw)).toEqual({
      status: 'failed',
      failReason: { type: 'InvalidProviderResult', message: expect.stringContaining(problem) },
    });
  });
});

describe('webid: scenarios', () => {
  const expected: Record<string, [videoid: string, accountid: string]> = {
    'webid-accepted': ['accepted', 'accepted'],
    'webid-accepted-bank-account': ['-', 'accepted'],
    'webid-mismatch': ['rejected', 'rejected'],
    'webid-declined': ['rejected', 'rejected'],
    'webid-expired-document': ['rejected', 'rejected'],
  };

  it('map to the expected status for each process type they apply to', () => {
    expect(webid.scenarios.map((s) => s.id)).toEqual(Object.keys(expected));
    for (const scenario of webid.scenarios) {
      const actual = (['videoid', 'accountid'] as const).map((type) =>
        (scenario.processTypes?.includes(type) ?? true) ? map(scenario.raw, type).status : '-',
      );
      expect(actual, scenario.id).toEqual(expected[scenario.id]);
    }
  });
});
