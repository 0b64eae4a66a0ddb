/**
 * A small DER writer for the test PKI: enough to build certificates, CRLs, SODs, master lists and data
 * groups byte by byte, so tests control every field (and can break any of them).
 */
type Tag = number | readonly number[];

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  let hex = length.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from([0x80 | bytes.length]), bytes]);
}

export const tlv = (tag: Tag, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  return Buffer.concat([Buffer.from(typeof tag === 'number' ? [tag] : tag), lengthBytes(body.length), body]);
};

/** BER with an indefinite length (as some countries' SODs are written). */
export const indefinite = (tag: number, ...parts: Buffer[]): Buffer =>
  Buffer.concat([Buffer.from([tag, 0x80]), ...parts, Buffer.from([0, 0])]);

export const seq = (...parts: Buffer[]) => tlv(0x30, ...parts);
export const set = (...parts: Buffer[]) => tlv(0x31, ...parts);
export const ctx = (n: number, ...parts: Buffer[]) => tlv(0xa0 + n, ...parts);
export const ctxPrimitive = (n: number, bytes: Buffer) => tlv(0x80 + n, bytes);
export const octets = (bytes: Buffer) => tlv(0x04, bytes);
export const bits = (bytes: Buffer) => tlv(0x03, Buffer.from([0]), bytes);
export const nul = () => Buffer.from([0x05, 0x00]);
export const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
export const printable = (text: string) => tlv(0x13, Buffer.from(text, 'latin1'));
export const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));

export function int(value: bigint | number): Buffer {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

export function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128))
      chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** UTCTime until 2049, GeneralizedTime after, as RFC 5280 wants. */
export function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${iso.slice(2)}Z`)) : tlv(0x18, Buffer.from(`${iso}Z`));
}
