import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { collect } from '../blobs/byte-streams.js';
import { zipStream } from './zip-stream.js';

function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) return reject(error);
      const files = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) =>
        file.openReadStream(entry, (openError, stream) => {
          if (openError) return reject(openError);
          void collect(stream).then((bytes) => {
            files.set(entry.fileName, bytes);
            file.readEntry();
          }, reject);
        }),
      );
      file.on('end', () => resolve(files));
      file.readEntry();
    });
  });
}

/** A stream of `size` bytes that records whether it was opened and closed. */
function tracked(bytes: Buffer, failAfter?: number) {
  const state = { opened: false, destroyed: false };
  const open = async () => {
    state.opened = true;
    let sent = 0;
    const stream = new Readable({
      read() {
        if (failAfter !== undefined && sent >= failAfter) return this.destroy(new Error('storage failed'));
        const piece = bytes.subarray(sent, sent + 4096);
        sent += piece.length;
        this.push(piece.length > 0 ? piece : null);
      },
    });
    stream.once('close', () => (state.destroyed = true));
    return stream;
  };
  return { state, open };
}

describe('zipStream', () => {
  it('zips buffers and streams, opening each stream only when its turn comes', async () => {
    const video = randomBytes(200_000);
    const image = randomBytes(30_000);
    const videoSource = tracked(video);
    const imageSource = tracked(image);
    const zip = zipStream([
      { name: 'process.json', bytes: Buffer.from('{}') },
      { name: 'front.jpg', size: image.length, open: imageSource.open, compress: false },
      { name: 'video.mp4', size: video.length, open: videoSource.open, compress: false },
    ]);
    expect(videoSource.state.opened).toBe(false);
    const files = await unzip(await collect(zip));
    expect([...files.keys()]).toEqual(['process.json', 'front.jpg', 'video.mp4']);
    expect(files.get('video.mp4')!.equals(video)).toBe(true);
    expect(files.get('front.jpg')!.equals(image)).toBe(true);
  });

  it('fails the download when an entry fails half-way, instead of hanging', async () => {
    const source = tracked(randomBytes(100_000), 50_000);
    const zip = zipStream([{ name: 'video.mp4', size: 100_000, open: source.open, compress: false }]);
    await expect(collect(zip)).rejects.toThrow(/storage failed/);
  });

  it('fails the download when an entry cannot be opened', async () => {
    const zip = zipStream([
      { name: 'video.mp4', size: 1, open: () => Promise.reject(new Error('blob missing')), compress: false },
    ]);
    await expect(collect(zip)).rejects.toThrow(/blob missing/);
  });

  it('closes the entry being read when the client goes away', async () => {
    const source = tracked(randomBytes(5_000_000));
    const zip = zipStream([{ name: 'video.mp4', size: 5_000_000, open: source.open, compress: false }]);
    for await (const _chunk of zip) break; // the client reads a little, then disconnects
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(source.state.opened).toBe(true);
    expect(source.state.destroyed).toBe(true);
  });
});
