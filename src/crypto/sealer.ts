import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ivLength = 12;
const tagLength = 16;

/**
 * Authenticated encryption (AES-256-GCM) with one key. Used to seal small secrets kept in the database
 * (signing keys, customers' notification credentials) and to wrap the per-blob data keys.
 *
 * @example
 *   const sealer = new Sealer(masterKey);
 *   const sealed = sealer.sealText('secret'); // "v1.<base64url>"
 *   sealer.openText(sealed) === 'secret';
 */
export class Sealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('A sealing key must be 32 bytes.');
  }

  seal(plain: Buffer, associatedData?: Buffer): Buffer {
    const iv = randomBytes(ivLength);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    if (associatedData) cipher.setAAD(associatedData);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  open(sealed: Buffer, associatedData?: Buffer): Buffer {
    if (sealed.length < ivLength + tagLength) throw new Error('Sealed data is truncated.');
    const iv = sealed.subarray(0, ivLength);
    const tag = sealed.subarray(ivLength, ivLength + tagLength);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    if (associatedData) decipher.setAAD(associatedData);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(ivLength + tagLength)), decipher.final()]);
  }

  sealText(plain: string): string {
    return `v1.${this.seal(Buffer.from(plain, 'utf8')).toString('base64url')}`;
  }

  openText(sealed: string): string {
    if (!sealed.startsWith('v1.')) throw new Error('Unknown sealed text format.');
    return this.open(Buffer.from(sealed.slice(3), 'base64url')).toString('utf8');
  }
}
