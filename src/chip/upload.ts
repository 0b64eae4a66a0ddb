import type { ChipFiles } from './verify-chip.js';

/** The files an app may upload, with the tag each must start with and its size limit. */
export const chipFileRules = {
  com: { tag: 0x60, maxBytes: 1024 },
  sod: { tag: 0x77, maxBytes: 64 * 1024 },
  dg1: { tag: 0x61, maxBytes: 1024 },
  dg2: { tag: 0x75, maxBytes: 512 * 1024 },
  dg7: { tag: 0x67, maxBytes: 256 * 1024 },
  dg11: { tag: 0x6b, maxBytes: 8 * 1024 },
  dg12: { tag: 0x6c, maxBytes: 8 * 1024 },
  dg13: { tag: 0x6d, maxBytes: 64 * 1024 },
  dg14: { tag: 0x6e, maxBytes: 16 * 1024 },
  dg15: { tag: 0x6f, maxBytes: 8 * 1024 },
} as const;
export type ChipFileName = keyof typeof chipFileRules;
export const chipFileNames = Object.keys(chipFileRules) as ChipFileName[];

/** What the app reports of Chip Authentication; kept as reported, never counted as verified. */
export type ReportedChipAuthentication = 'SUCCEEDED' | 'FAILED' | 'NOT_SUPPORTED';

/** A chip upload as stored (one encrypted blob) and read back by the verification. */
export interface ChipUpload {
  files: Partial<Record<ChipFileName, Buffer>>;
  activeAuthentication?: { challenge: Buffer; signature: Buffer };
  /** How the challenge stood when the upload named it; `none` without Active Authentication. */
  challenge: 'fresh' | 'used' | 'unknown' | 'none';
  chipAuthentication?: ReportedChipAuthentication;
}

export function encodeChipUpload(upload: ChipUpload): Buffer {
  const files = Object.fromEntries(
    Object.entries(upload.files).map(([name, bytes]) => [name, bytes.toString('base64')]),
  );
  const aa = upload.activeAuthentication;
  return Buffer.from(
    JSON.stringify({
      files,
      ...(aa && {
        activeAuthentication: {
          challenge: aa.challenge.toString('base64'),
          signature: aa.signature.toString('base64'),
        },
      }),
      challenge: upload.challenge,
      ...(upload.chipAuthentication && { chipAuthentication: upload.chipAuthentication }),
    }),
  );
}

interface StoredUpload {
  files: Record<string, string>;
  activeAuthentication?: { challenge: string; signature: string };
  challenge: ChipUpload['challenge'];
  chipAuthentication?: ReportedChipAuthentication;
}

export function decodeChipUpload(bytes: Buffer): ChipUpload {
  const stored = JSON.parse(bytes.toString('utf8')) as StoredUpload;
  const aa = stored.activeAuthentication;
  return {
    files: Object.fromEntries(Object.entries(stored.files).map(([name, text]) => [name, Buffer.from(text, 'base64')])),
    ...(aa && {
      activeAuthentication: {
        challenge: Buffer.from(aa.challenge, 'base64'),
        signature: Buffer.from(aa.signature, 'base64'),
      },
    }),
    challenge: stored.challenge,
    ...(stored.chipAuthentication && { chipAuthentication: stored.chipAuthentication }),
  };
}

/** The files as passive authentication takes them: the SOD, and the data groups by number. */
export function chipFilesOf(upload: ChipUpload): ChipFiles | undefined {
  const { sod } = upload.files;
  if (!sod) return undefined;
  const dataGroups = new Map<number, Buffer>();
  for (const [name, bytes] of Object.entries(upload.files)) {
    const match = /^dg(\d+)$/.exec(name);
    if (match && bytes) dataGroups.set(Number(match[1]), bytes);
  }
  return { sod, dataGroups };
}
