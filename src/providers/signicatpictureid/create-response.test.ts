import { describe, expect, it } from 'vitest';
import { createResponse } from './create-response.js';
import type { ProcessRecord } from '../../core/domain.js';

const processWith = (documentId: number | null) =>
  ({ id: 'b1f7c2de-4a39-4c55-9f2e-0d6a8e3b7c41', provider: 'signicatpictureid', documentId }) as ProcessRecord;
const respond = (documentId: number | null) =>
  createResponse({ process: processWith(documentId), publicUrl: 'http://localhost:8080' });

describe('signicatpictureid create response', () => {
  it('asks for one page for a passport', () => {
    expect(respond(147)).toEqual({ documentPages: 1 });
  });

  it('asks for two pages for a card or any document not known to be a passport', () => {
    expect(respond(137)).toEqual({ documentPages: 2 });
    expect(respond(58)).toEqual({ documentPages: 2 });
  });

  it('adds nothing when the process has no documentId', () => {
    expect(respond(null)).toEqual({});
  });
});
