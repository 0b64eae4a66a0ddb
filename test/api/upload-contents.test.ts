import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { countBlobFiles } from '../support/blobs.js';
import { crc32, dataUrl, makeImage } from '../support/images.js';
import { storeKinds } from '../support/store-kinds.js';
import { useTestServer } from '../support/test-server.js';

/** JPEG APPn segments (marker + length + payload), each at most 65,533 bytes of payload. */
function appSegments(marker: number, totalBytes: number): Buffer {
  const segments: Buffer[] = [];
  for (let left = totalBytes; left > 0; left -= 65_533) {
    const payload = Buffer.alloc(Math.min(left, 65_533), 0x41);
    const header = Buffer.from([0xff, marker, 0, 0]);
    header.writeUInt16BE(payload.length + 2, 2);
    segments.push(header, payload);
  }
  return Buffer.concat(segments);
}

/** The JPEG with extra segments right after its SOI marker. */
const withSegments = (jpeg: Buffer, segments: Buffer) =>
  Buffer.concat([jpeg.subarray(0, 2), segments, jpeg.subarray(2)]);

const zipTrailer = Buffer.concat([
  Buffer.from('<html><script>alert(document.domain)</script></html>'),
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(64, 0x42),
  Buffer.from([0x50, 0x4b, 0x05, 0x06]),
  Buffer.alloc(18),
]);

describe.each(storeKinds)('what is kept of an uploaded image, on %s', (kind) => {
  const server = useTestServer(kind);

  async function newDossier(): Promise<string> {
    return (await server().api.post('/assure/dossiers', {})).json<{ dossierId: string }>().dossierId;
  }

  async function uploadFront(value: string) {
    const { api, env } = server();
    const dossierId = await newDossier();
    const before = countBlobFiles(env.dataDir);
    const response = await api.post(`/assure/dossiers/${dossierId}/files`, { front: value });
    if (response.status !== 201) expect(countBlobFiles(env.dataDir)).toBe(before);
    return { response, dossierId };
  }

  const refused: [string, () => Promise<Buffer>, 'image/jpeg' | 'image/png', RegExp][] = [
    ['a JPEG with an HTML and ZIP trailer after its end marker (a polyglot)', async () => Buffer.concat([await makeImage('jpeg', 400, 300), zipTrailer]), 'image/jpeg', /front: .*data after the end of the image/],
    ['a JPEG followed by a second JPEG', async () => Buffer.concat([await makeImage('jpeg', 400, 300), await makeImage('jpeg', 400, 300)]), 'image/jpeg', /data after the end of the image/],
    ['a PNG with bytes after its IEND chunk', async () => Buffer.concat([await makeImage('png', 400, 300), zipTrailer]), 'image/png', /data after the end of the image/],
    ['a JPEG carrying 2.1 MB of EXIF in 33 segments', async () => withSegments(await makeImage('jpeg', 400, 300), appSegments(0xe1, 2_100_000)), 'image/jpeg', /metadata .* at most 128 KB/],
    ['a JPEG with 200 KB of comments', async () => withSegments(await makeImage('jpeg', 400, 300), appSegments(0xfe, 200_000)), 'image/jpeg', /metadata/],
    ['a PNG with 200 KB of text chunks', async () => pngWithText(await makeImage('png', 400, 300), 200_000), 'image/png', /metadata/],
  ]; // prettier-ignore

  it.each(refused)('refuses %s with a 400 and stores nothing', async (_name, makeBytes, type, detail) => {
    const { response } = await uploadFront(dataUrl(await makeBytes(), type));
    expect(response.status).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, title: 'Invalid image' });
    expect(response.json<{ detail: string }>().detail).toMatch(detail);
  });

  it('keeps an image with ordinary metadata (EXIF, ICC profile) byte for byte', async () => {
    const photo = await sharp(await makeImage('jpeg', 400, 300))
      .withExif({ IFD0: { Make: 'Test camera', Software: 'OpenAssure tests' } })
      .withIccProfile('p3')
      .jpeg()
      .toBuffer();
    const { response, dossierId } = await uploadFront(dataUrl(photo, 'image/jpeg'));
    expect(response.status).toBe(201);
    const served = await server().api.get(`/assure/dossiers/${dossierId}/files?depiction=front`);
    expect(served.body.equals(photo)).toBe(true);
  });

  describe('minimum sizes', () => {
    it('refuses a 1x1 JPEG as a document image, and a document image under 200 px on a side', async () => {
      for (const [width, height] of [
        [1, 1],
        [640, 199],
      ] as const) {
        const { response } = await uploadFront(dataUrl(await makeImage('jpeg', width, height), 'image/jpeg'));
        expect(response.status).toBe(400);
        expect(response.json<{ detail: string }>().detail).toBe(
          `front: the image is ${width}x${height} pixels; a document image needs at least 200 pixels on its shorter side.`,
        );
      }
      expect((await uploadFront(dataUrl(await makeImage('jpeg', 300, 200), 'image/jpeg'))).response.status).toBe(201);
    });

    it('refuses a selfie under 100 px on a side, and takes one of 100 px', async () => {
      const { api } = server();
      const dossierId = await newDossier();
      const small = await api.post(`/assure/dossiers/${dossierId}/files`, {
        selfie: dataUrl(await makeImage('png', 99, 120), 'image/png'),
      });
      expect(small.status).toBe(400);
      expect(small.json<{ detail: string }>().detail).toMatch(/^selfie: .*at least 100 pixels/);
      const enough = await api.post(`/assure/dossiers/${dossierId}/files`, {
        selfie: dataUrl(await makeImage('png', 100, 100), 'image/png'),
      });
      expect(enough.status).toBe(201);
    });
  });

  it('answers 413, not a character count, for an image over 4 MB', async () => {
    const sixMegabytes = Buffer.concat([await makeImage('jpeg', 400, 300), Buffer.alloc(6 * 1024 * 1024)]);
    const { response } = await uploadFront(dataUrl(sixMegabytes, 'image/jpeg'));
    expect(response.status).toBe(413);
    expect(response.json()).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
      detail: 'front: the image is larger than 4 MB.',
    });
  });
});

/** The PNG with tEXt chunks holding `bytes` of text inserted before its IEND chunk. */
function pngWithText(png: Buffer, bytes: number): Buffer {
  const chunks: Buffer[] = [];
  for (let left = bytes; left > 0; left -= 60_000) {
    const data = Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(Math.min(left, 60_000), 0x41)]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from('tEXt'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    chunks.push(length, body, crc);
  }
  const iend = png.length - 12;
  return Buffer.concat([png.subarray(0, iend), ...chunks, png.subarray(iend)]);
}
