import * as asn1js from 'asn1js';

/**
 * A thin reading layer over asn1js. Chip files are BER (some countries use indefinite lengths), and
 * hashes and signatures cover the bytes exactly as received, so every node keeps its original
 * encoding (`raw`) and nothing is ever re-encoded.
 */
export type Asn1 = asn1js.AsnType;

/** Thrown for bytes that are not the structure expected; the message says where. */
export class ChipFormatError extends Error {
  override name = 'ChipFormatError';
}

const tagClasses = { universal: 1, application: 2, context: 3, private: 4 } as const;
type TagClass = keyof typeof tagClasses;

export function parseBer(bytes: Uint8Array, what: string): Asn1 {
  const { offset, result } = asn1js.fromBER(bytes);
  if (offset === -1 || result.error)
    throw new ChipFormatError(`${what} is not valid BER: ${result.error || 'unreadable'}.`);
  if (offset !== bytes.byteLength)
    throw new ChipFormatError(`${what} has ${bytes.byteLength - offset} bytes after its end.`);
  return result;
}

/** The whole TLV of a node, as it was received. */
export const raw = (node: Asn1): Buffer => Buffer.from(node.valueBeforeDecodeView);

export function isTag(node: Asn1 | undefined, tagClass: TagClass, tagNumber: number): boolean {
  return node !== undefined && node.idBlock.tagClass === tagClasses[tagClass] && node.idBlock.tagNumber === tagNumber;
}

/** The children of a constructed node (SEQUENCE, SET, or a constructed tagged value). */
export function children(node: Asn1 | undefined, what: string): Asn1[] {
  const value = (node?.valueBlock as { value?: unknown } | undefined)?.value;
  if (!node || !node.idBlock.isConstructed || !Array.isArray(value)) {
    throw new ChipFormatError(`${what} is not a constructed value.`);
  }
  return value as Asn1[];
}

/** The content bytes of a primitive node, or the joined pieces of a constructed (BER) string. */
export function contents(node: Asn1 | undefined, what: string): Buffer {
  if (!node) throw new ChipFormatError(`${what} is missing.`);
  if (node.idBlock.isConstructed) return Buffer.concat(children(node, what).map((part) => contents(part, what)));
  return Buffer.from((node.valueBlock as unknown as { valueHexView: Uint8Array }).valueHexView);
}

export function oid(node: Asn1 | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new ChipFormatError(`${what} is not an object identifier.`);
  return node.valueBlock.toString();
}

/** A non-negative INTEGER as a bigint (serial numbers can exceed 2^53). */
export function integer(node: Asn1 | undefined, what: string): bigint {
  if (!(node instanceof asn1js.Integer)) throw new ChipFormatError(`${what} is not an integer.`);
  const bytes = contents(node, what);
  return bytes.length === 0 ? 0n : BigInt(`0x${bytes.toString('hex')}`);
}

/** A BIT STRING's bits, for keys and signatures (whole bytes; asn1js drops the unused-bits count). */
export function bitString(node: Asn1 | undefined, what: string): Buffer {
  if (!(node instanceof asn1js.BitString)) throw new ChipFormatError(`${what} is not a bit string.`);
  return contents(node, what);
}

export function time(node: Asn1 | undefined, what: string): Date {
  if (node instanceof asn1js.UTCTime || node instanceof asn1js.GeneralizedTime) return node.toDate();
  throw new ChipFormatError(`${what} is not a time.`);
}

/** The text of any ASN.1 string type (PrintableString, UTF8String...). */
export function text(node: Asn1 | undefined): string | undefined {
  const value = (node as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Reads an AlgorithmIdentifier: its OID and its parameters node, if any. */
export function algorithm(node: Asn1 | undefined, what: string): { oid: string; params: Asn1 | undefined } {
  const [id, params] = children(node, what);
  return { oid: oid(id, `${what} algorithm`), params: params instanceof asn1js.Null ? undefined : params };
}
