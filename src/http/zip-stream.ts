import { PassThrough, pipeline, type Readable } from 'node:stream';
import yazl from 'yazl';

/** A file in a zip: bytes at hand, or a stream opened only when the zip reaches it. */
export type ZipEntry =
  { name: string; bytes: Buffer } | { name: string; size: number; open: () => Promise<Readable>; compress: boolean };

/**
 * A zip built while it is sent. Streamed entries are opened one at a time, when their turn comes, so
 * a download holds one open blob (one file or one S3 connection) and a few chunks in memory, however
 * large its video is. A failing entry fails the whole stream (the client sees a cut-off download, not
 * a zip with a hole), and a client that goes away closes the entry being read.
 */
export function zipStream(entries: readonly ZipEntry[]): Readable {
  const zip = new yazl.ZipFile();
  const output = new PassThrough();
  let reading: Readable | undefined;
  const fail = (error: Error) => output.destroy(error);
  zip.on('error', fail);
  // Ends however the download ends (done, failed, client gone): the entry being read is closed too.
  pipeline(zip.outputStream, output, () => reading?.destroy());
  for (const entry of entries) {
    if ('bytes' in entry) {
      zip.addBuffer(entry.bytes, entry.name);
      continue;
    }
    // Images and videos are compressed already: deflating them again costs CPU and gains nothing.
    zip.addReadStreamLazy(entry.name, { size: entry.size, compress: entry.compress }, (callback) => {
      entry.open().then(
        (stream) => {
          reading = stream;
          // yazl pipes the entry without watching it for errors: without this, a failed read would
          // leave the download hanging.
          stream.once('error', fail);
          callback(null, stream);
        },
        // The zip is lost either way; failing the output is all there is to do.
        (error: Error) => fail(error),
      );
    });
  }
  zip.end();
  return output;
}
