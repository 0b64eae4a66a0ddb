import type { Asn1 } from './asn1.js';
import { algorithm, children, ChipFormatError, contents, integer, isTag, parseBer, text } from './asn1.js';
import { digestName } from './algorithms.js';
import { readSignedData, type SignedData } from './cms.js';

/** The data groups an app may upload, with the tag each file starts with (ICAO 9303-10). */
export const dataGroupTags = {
  1: 0x61,
  2: 0x75,
  7: 0x67,
  11: 0x6b,
  12: 0x6c,
  13: 0x6d,
  14: 0x6e,
  15: 0x6f,
} as const;
export type DataGroupNumber = keyof typeof dataGroupTags;

/** eContentTypes of EF.SOD: the ICAO one, and those older Belgian, French, Dutch and Chinese SODs use. */
const ldsSecurityObjectTypes = new Set([
  '2.23.136.1.1.1',
  '1.3.27.1.1.1',
  '1.2.528.1.1006.1.20.1',
  '1.2.840.113549.1.7.1',
]);

/** EF.SOD: the signed list of data group hashes (LDSSecurityObject) and the signature around it. */
export interface SecurityObject {
  signed: SignedData;
  /** Node's name of the hash the data groups are hashed with. */
  hash: string;
  /** Data group number → hash, as the SOD lists them. */
  hashes: Map<number, Buffer>;
  ldsVersion: string | undefined;
}

export function readSecurityObject(bytes: Buffer): SecurityObject {
  const outer = parseBer(bytes, 'EF.SOD');
  if (!isTag(outer, 'application', 23)) throw new ChipFormatError('EF.SOD does not start with tag 77.');
  const signed = readSignedData(children(outer, 'EF.SOD')[0]!);
  if (!ldsSecurityObjectTypes.has(signed.eContentType)) {
    throw new ChipFormatError(`EF.SOD holds ${signed.eContentType}, not an LDS security object.`);
  }
  const [, hashAlgorithm, hashValues, versionInfo] = children(
    parseBer(signed.eContent, 'The LDS security object'),
    'LDS security object',
  );
  const hashes = new Map<number, Buffer>();
  for (const entry of children(hashValues, 'data group hashes')) {
    const [number, value] = children(entry, 'data group hash');
    const dataGroup = Number(integer(number, 'data group number'));
    if (dataGroup < 1 || dataGroup > 16) throw new ChipFormatError(`EF.SOD lists data group ${dataGroup}.`);
    hashes.set(dataGroup, contents(value, 'data group hash'));
  }
  const version = versionInfo ? children(versionInfo, 'LDS version info')[0] : undefined;
  return {
    signed,
    hash: digestName(algorithm(hashAlgorithm, 'LDS hash algorithm').oid),
    hashes,
    ldsVersion: text(version),
  };
}

/** The children of a data group file, after checking its tag. */
export function dataGroupFields(number: DataGroupNumber, bytes: Buffer): Asn1[] {
  const node = parseBer(bytes, `DG${number}`);
  const tag = dataGroupTags[number];
  if (node.idBlock.tagClass !== 2 || node.idBlock.tagNumber !== (tag & 0x1f)) {
    throw new ChipFormatError(`DG${number} does not start with tag ${tag.toString(16)}.`);
  }
  return children(node, `DG${number}`);
}

/** Application-class fields of a DG11/DG12 by tag number (5F0E → 0x0E), as text. */
export function textFields(number: DataGroupNumber, bytes: Buffer): Map<number, string> {
  const fields = new Map<number, string>();
  for (const field of dataGroupFields(number, bytes)) {
    if (field.idBlock.tagClass !== 2 || field.idBlock.isConstructed) continue;
    fields.set(field.idBlock.tagNumber, contents(field, `DG${number} field`).toString('utf8'));
  }
  return fields;
}
