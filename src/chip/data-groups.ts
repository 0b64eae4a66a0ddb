import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Asn1 } from './asn1.js';
import { children, ChipFormatError, contents, isTag, oid, raw } from './asn1.js';
import { signatureScheme } from './algorithms.js';
import { dataGroupFields, textFields } from './lds.js';

/** DG1: the MRZ as the chip holds it (tag 5F1F), one string without line breaks. */
export function readMrzText(dg1: Buffer): string {
  const field = dataGroupFields(1, dg1).find((node) => isTag(node, 'application', 0x1f));
  if (!field) throw new ChipFormatError('DG1 holds no MRZ (tag 5F1F).');
  return contents(field, 'DG1 MRZ').toString('latin1');
}

/** Splits a chip MRZ into its printed lines: TD1 is 3×30, TD2 2×36, TD3 2×44. */
export function mrzLines(mrz: string): string[] {
  const width = mrz.length === 90 ? 30 : mrz.length === 72 ? 36 : mrz.length === 88 ? 44 : undefined;
  if (width === undefined) throw new ChipFormatError(`The DG1 MRZ has ${mrz.length} characters, no ICAO format.`);
  const lines: string[] = [];
  for (let at = 0; at < mrz.length; at += width) lines.push(mrz.slice(at, at + width));
  return lines;
}

/** DG11 (additional personal details) and DG12 (additional document details) fields we report. */
export interface AdditionalDetails {
  fullName?: string;
  personalNumber?: string;
  fullDateOfBirth?: string;
  placeOfBirth?: string;
  telephone?: string;
  profession?: string;
  title?: string;
  issuingAuthority?: string;
  dateOfIssue?: string;
}

/** YYYYMMDD → YYYY-MM-DD; anything else is left out. */
const isoDate = (value: string | undefined): string | undefined =>
  value && /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : undefined;

/** ICAO writes name parts with `<<` between surname and given names and `<` for spaces. */
const readableName = (value: string | undefined): string | undefined =>
  value?.replace(/<<+/g, ', ').replace(/</g, ' ').trim() || undefined;

export function readDg11(dg11: Buffer): AdditionalDetails {
  const fields = textFields(11, dg11);
  return {
    fullName: readableName(fields.get(0x0e)),
    personalNumber: fields.get(0x10)?.replace(/</g, '').trim() || undefined,
    fullDateOfBirth: isoDate(fields.get(0x2b)),
    placeOfBirth: readableName(fields.get(0x11)),
    telephone: fields.get(0x12),
    profession: fields.get(0x13),
    title: fields.get(0x14),
  };
}

export function readDg12(dg12: Buffer): AdditionalDetails {
  const fields = textFields(12, dg12);
  return { issuingAuthority: fields.get(0x19), dateOfIssue: isoDate(fields.get(0x26)) };
}

/** DG15: the Active Authentication public key (a SubjectPublicKeyInfo). */
export function readActiveAuthenticationKey(dg15: Buffer): KeyObject {
  const [spki] = dataGroupFields(15, dg15);
  if (!spki) throw new ChipFormatError('DG15 holds no public key.');
  return createPublicKey({ key: raw(spki), format: 'der', type: 'spki' });
}

/** The image formats a DG2 face can be in, by their first bytes. */
const imageMagics = [
  { format: 'jpeg', magic: Buffer.from('ffd8ff', 'hex') },
  { format: 'jp2', magic: Buffer.from('0000000c6a5020200d0a870a', 'hex') },
  { format: 'j2k', magic: Buffer.from('ff4fff51', 'hex') },
] as const;

export interface FaceImage {
  format: 'jpeg' | 'jp2' | 'j2k';
  bytes: Buffer;
}

/**
 * DG2: the first face image. The biometric data block (ISO/IEC 19794-5 inside CBEFF) puts the image
 * last; rather than trusting its length fields (some countries get them wrong by a few bytes), the
 * image is taken from its magic number to the end of the block.
 */
export function readFaceImage(dg2: Buffer): FaceImage {
  const [group] = dataGroupFields(2, dg2).filter((node) => isTag(node, 'application', 0x61));
  const template = children(group, 'DG2 biometric group').find((node) => isTag(node, 'application', 0x60));
  const block = children(template, 'DG2 biometric template').find((node) => isTag(node, 'application', 0x2e));
  const data = contents(block, 'DG2 biometric data block');
  const found = imageMagics
    .map(({ format, magic }) => ({ format, at: data.indexOf(magic) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!found) throw new ChipFormatError('DG2 holds no JPEG or JPEG 2000 image.');
  return { format: found.format, bytes: data.subarray(found.at) };
}

const activeAuthenticationInfo = '2.23.136.1.1.5';

/** DG14's ActiveAuthenticationInfo names the hash of ECDSA Active Authentication (BSI TR-03110). */
export function activeAuthenticationHash(dg14: Buffer | undefined): string | undefined {
  if (!dg14) return undefined;
  const [infos] = dataGroupFields(14, dg14);
  for (const info of children(infos, 'DG14 security infos')) {
    const [protocol, , algorithmId] = children(info, 'DG14 security info');
    if (protocol && 'valueBlock' in protocol && oidText(protocol) === activeAuthenticationInfo && algorithmId) {
      return signatureScheme({ oid: oidText(algorithmId), params: undefined }).hash;
    }
  }
  return undefined;
}

const oidText = (node: Asn1): string => oid(node, 'DG14 object identifier');
