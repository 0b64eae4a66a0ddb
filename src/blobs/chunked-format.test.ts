import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BlobIntegrityError, ChunkOpener, ChunkSealer } from './chunked-format.js';

const options = () => ({ dataKey: randomBytes(32), prefix: randomBytes(8), chunkSize: 100, header: randomBytes(20) });

function seal(data: Buffer, opts: ReturnType<typeof options>, pieceSize = 37): Buffer[] {
  const sealer = new ChunkSealer(opts);
  const sealed: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += pieceSize) {
    sealed.push(...sealer.update(data.subarray(offset, offset + pieceSize)));
  }
  sealed.push(sealer.final());
  return sealed;
}

describe('chunked format', () => {
  it('seals fixed-size chunks, whatever the size of the pieces written', () => {
    const opts = options();
    const data = randomBytes(350);
    const sealed = seal(data, opts);
    expect(sealed.map((chunk) => chunk.length)).toEqual([116, 116, 116, 66]);
    expect(seal(data, opts, 1000).map((chunk) => chunk.length)).toEqual([116, 116, 116, 66]);
  });

  it('opens chunk by chunk, releasing each only once it is authenticated', () => {
    const opts = options();
    const data = randomBytes(350);
    const sealed = seal(data, opts);
    sealed[2] = Buffer.from(sealed[2]!);
    sealed[2][5]! ^= 0x01;
    const opener = new ChunkOpener(opts);
    const released: Buffer[] = [];
    let failure: unknown;
    try {
      for (const chunk of sealed) released.push(...opener.update(chunk));
      released.push(opener.final());
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(BlobIntegrityError);
    expect(Buffer.concat(released).equals(data.subarray(0, 200))).toBe(true);
  });

  it('fails on a different header, key or nonce prefix', () => {
    const opts = options();
    const sealed = Buffer.concat(seal(randomBytes(150), opts));
    for (const changed of [
      { ...opts, header: randomBytes(20) },
      { ...opts, dataKey: randomBytes(32) },
      { ...opts, prefix: randomBytes(8) },
    ]) {
      const opener = new ChunkOpener(changed);
      expect(() => [...opener.update(sealed), opener.final()]).toThrow(BlobIntegrityError);
    }
  });
});
