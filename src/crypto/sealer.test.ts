import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sealer } from './sealer.js';

describe('Sealer', () => {
  const sealer = new Sealer(randomBytes(32));

  it('round-trips text and bytes, with a fresh IV each time', () => {
    const a = sealer.sealText('Bearer abc');
    const b = sealer.sealText('Bearer abc');
    expect(a).not.toBe(b);
    expect(a).not.toContain('abc');
    expect(sealer.openText(a)).toBe('Bearer abc');
    const bytes = randomBytes(1000);
    expect(sealer.open(sealer.seal(bytes)).equals(bytes)).toBe(true);
  });

  it('refuses tampered data, another key, or other associated data', () => {
    const sealed = sealer.seal(Buffer.from('hello'), Buffer.from('blob-1'));
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1]! ^= 1;
    expect(() => sealer.open(flipped, Buffer.from('blob-1'))).toThrow();
    expect(() => sealer.open(sealed, Buffer.from('blob-2'))).toThrow();
    expect(() => new Sealer(randomBytes(32)).open(sealed, Buffer.from('blob-1'))).toThrow();
    expect(sealer.open(sealed, Buffer.from('blob-1')).toString()).toBe('hello');
  });
});
