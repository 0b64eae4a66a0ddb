import { describe, expect, it } from 'vitest';
import { createResponse } from './create-response.js';
import { webid } from './definition.js';
import type { ProcessRecord } from '../../core/domain.js';

const processRecord = (id: string, externalId: string | null): ProcessRecord => ({
  id,
  dossierId: 'b0c3c6f4-3f55-4bf8-8f4e-1f0c4b6f2a10',
  clientId: 'sandbox-client',
  provider: 'webid',
  processType: 'videoid',
  status: 'pending',
  documentType: null,
  documentCountry: null,
  documentId: null,
  options: { processParameters: { webid: { user: { contact: { email: 'erica@example.com' } } } } },
  notificationUrl: null,
  notificationAuthSealed: 'sealed-secret',
  externalId,
  failReason: null,
  createdAt: Date.UTC(2024, 2, 21, 14, 6, 26),
  updatedAt: Date.UTC(2024, 2, 21, 14, 6, 26),
  startedAt: null,
  finishedAt: null,
  sandboxScenario: null,
  outcome: null,
  rawResultKey: null,
  startInputKey: null,
  firstImageAt: null,
  engineOutputKey: null,
});

describe('WebID create response', () => {
  it("sends the end-user to this server, in WebID's URL shape with the action id", () => {
    const process = processRecord('3e73ecd4-7fdb-4a55-bd6c-f50dd429e9f9', '233090202');
    expect(createResponse({ process, publicUrl: 'https://assure.example.com/' })).toEqual({
      redirectUrl:
        'https://assure.example.com/sandbox/webid/service/index/cn/000000/aid/233090202' +
        '?transactionId=3e73ecd4-7fdb-4a55-bd6c-f50dd429e9f9',
    });
  });

  it('differs per process, even if two action ids coincide', () => {
    const urls = ['3e73ecd4-7fdb-4a55-bd6c-f50dd429e9f9', '5b0f8a4e-5d36-4a8e-9c0e-8a3c3c7f1b2d'].map(
      (id) => createResponse({ process: processRecord(id, '233090202'), publicUrl: 'https://a.example' }).redirectUrl,
    );
    expect(new Set(urls).size).toBe(2);
  });

  it('carries nothing of the client, the dossier or the user data', () => {
    const process = processRecord('3e73ecd4-7fdb-4a55-bd6c-f50dd429e9f9', webid.externalIdAtCreation!('x'));
    const url = createResponse({ process, publicUrl: 'https://a.example' }).redirectUrl!;
    for (const secret of ['sandbox-client', 'sealed-secret', process.dossierId, 'erica'])
      expect(url).not.toContain(secret);
  });

  it('refuses a process without an action id, which would be a bug', () => {
    expect(() => createResponse({ process: processRecord('p', null), publicUrl: 'https://a.example' })).toThrow(
      /action id/,
    );
  });
});
