import { readCertificate } from '../../src/chip/certificate.js';
import { readRevocationList } from '../../src/chip/crl.js';
import type { TrustAnchors } from '../../src/chip/trust-anchors.js';
import type { ChipFiles } from '../../src/chip/verify-chip.js';
import {
  csca,
  dg1,
  dg11,
  dg12,
  dg2,
  documentSigner,
  makeKey,
  sod,
  type KeyPair,
  type Party,
  type SodOptions,
} from '../support/chip-pki.js';

/** A small JPEG-looking face: the chip code only looks for the image's magic number. */
export const fakeJpeg = Buffer.concat([
  Buffer.from('ffd8ffe000104a464946', 'hex'),
  Buffer.alloc(64, 7),
  Buffer.from('ffd9', 'hex'),
]);

export interface Document {
  cscaParty: Party;
  signer: Party;
  dataGroups: Map<number, Buffer>;
  files: ChipFiles;
  anchors: TrustAnchors;
}

export function anchorsOf(parties: readonly Party[], crls: readonly Buffer[] = []): TrustAnchors {
  return {
    certificates: parties.map((p) => readCertificate(p.certificate)),
    revocationLists: crls.map(readRevocationList),
  };
}

export interface DocumentOptions {
  cscaKey?: KeyPair;
  signerKey?: KeyPair;
  country?: string;
  hash?: string;
  extraDataGroups?: [number, Buffer][];
  sodOptions?: SodOptions;
  signerOptions?: Parameters<typeof documentSigner>[2];
}

/** A document of the test PKI: CSCA → DS → SOD over DG1, DG2, DG11, DG12 (+ extras). */
export function makeDocument(options: DocumentOptions = {}): Document {
  const cscaParty = csca(options.country ?? 'NL', options.cscaKey ?? makeKey('p256'));
  const signer = documentSigner(cscaParty, options.signerKey ?? makeKey('p256'), {
    hash: options.hash ?? 'sha256',
    ...options.signerOptions,
  });
  const dataGroups = new Map<number, Buffer>([
    [1, dg1()],
    [2, dg2(fakeJpeg)],
    [11, dg11({ fullName: 'TESTPERSON<<ANNA<MARIA', personalNumber: '123456782', placeOfBirth: 'AMSTERDAM' })],
    [12, dg12('20240115')],
    ...(options.extraDataGroups ?? []),
  ]);
  const sodFile = sod(dataGroups, signer, { hash: options.hash ?? 'sha256', ...options.sodOptions });
  return { cscaParty, signer, dataGroups, files: { sod: sodFile, dataGroups }, anchors: anchorsOf([cscaParty]) };
}
