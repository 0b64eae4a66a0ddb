import { describe, expect, it } from 'vitest';
import { videoIdCreateResponse } from './create-response.js';
import type { ProcessRecord } from '../../core/domain.js';

const processRecord = (id: string, externalId: string): ProcessRecord => ({
  id,
  dossierId: 'b0c3c6f4-3f55-4bf8-8f4e-1f0c4b6f2a10',
  clientId: 'sandbox-client',
  provider: 'signicatvideoid',
  processType: 'substantial',
  status: 'pending',
  documentType: null,
  documentCountry: null,
  documentId: null,
  options: {},
  notificationUrl: null,
  notificationAuthSealed: 'sealed-secret',
  externalId,
  failReason: null,
  createdAt: Date.UTC(2024, 2, 21, 14, 14, 14),
  updatedAt: Date.UTC(2024, 2, 21, 14, 14, 14),
  startedAt: null,
  finishedAt: null,
  sandboxScenario: null,
  outcome: null,
  rawResultKey: null,
  startInputKey: null,
  firstImageAt: null,
  engineOutputKey: null,
});

const decode = (segment: string): unknown => JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));

describe('VideoID create response', () => {
  const process = processRecord('ff4de2d7-c436-4f22-a2ee-3887ad4d98ab', 'dd56c701-9ad2-44c0-ab05-864cc46c7d69');

  it('gives the SDK a JWT-shaped token naming the video identification', () => {
    const { authorization } = videoIdCreateResponse({ process, publicUrl: 'https://assure.example.com' });
    const [header, claims, signature] = authorization!.split('.');
    expect(decode(header!)).toEqual({ alg: 'none', typ: 'JWT' });
    expect(decode(claims!)).toEqual({
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      sub: 'dd56c701-9ad2-44c0-ab05-864cc46c7d69',
      aud: 'videoid',
      iat: Date.UTC(2024, 2, 21, 14, 14, 14) / 1000,
    });
    expect(signature).toBe('');
  });

  it('never repeats a token, even for the same process', () => {
    const tokens = new Set(
      Array.from(
        { length: 50 },
        () => videoIdCreateResponse({ process, publicUrl: 'https://a.example' }).authorization,
      ),
    );
    expect(tokens.size).toBe(50);
  });

  it('carries nothing of the client, the dossier or their secrets', () => {
    const response = videoIdCreateResponse({ process, publicUrl: 'https://a.example' });
    const [header, claims] = response.authorization!.split('.');
    const everything = JSON.stringify([response, decode(header!), decode(claims!)]);
    for (const secret of ['sandbox-client', 'sealed-secret', process.dossierId])
      expect(everything).not.toContain(secret);
  });

  it('points the SDK back to this server, whatever the trailing slash', () => {
    for (const publicUrl of ['https://assure.example.com', 'https://assure.example.com/']) {
      expect(videoIdCreateResponse({ process, publicUrl }).providerApiUrl).toBe(
        'https://assure.example.com/sandbox/videoid/v2',
      );
    }
  });
});
