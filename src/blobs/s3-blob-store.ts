import {
  AbortMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { checkBlobKey, newBlobKey } from './blob-keys.js';
import { BlobNotFoundError, type BlobSource, type BlobStore } from './blob-store.js';
import { readableOf } from './byte-streams.js';
import type { BlobStoreManifest } from './manifest.js';

export const S3BlobStoreOptions = Type.Object({
  bucket: Type.String({ minLength: 3, maxLength: 63 }),
  region: Type.String({ minLength: 1 }),
  /** An S3-compatible server (MinIO, Ceph, R2...); AWS's own endpoint for the region when absent. */
  endpoint: Type.Optional(Type.String({ minLength: 1 })),
  /** `https://host/bucket/key` instead of `https://bucket.host/key`, which most self-hosted servers need. */
  forcePathStyle: Type.Boolean(),
  /** Static keys; when absent the SDK's default chain is used (instance role, web identity, AWS_* variables). */
  credentials: Type.Optional(
    Type.Object({ accessKeyId: Type.String({ minLength: 1 }), secretAccessKey: Type.String({ minLength: 1 }) }),
  ),
});
export type S3BlobStoreOptions = Static<typeof S3BlobStoreOptions>;

/** Parts of a multipart upload: S3's minimum is 5 MiB; one part in flight at a time bounds memory per upload. */
const partSize = 8 * 1024 * 1024;

/**
 * Blobs as objects in one S3 bucket, under the same random 128-bit keys as on disk. Writes stream
 * through a multipart upload (a single PUT when small), so an object appears only once complete and
 * an upload that fails is aborted. Reads stream the object's body.
 */
export class S3BlobStore implements BlobStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** Fails when the bucket cannot be reached with these settings (missing, no permission, wrong endpoint). */
  async checkAccess(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }

  async put(source: BlobSource): Promise<string> {
    const key = newBlobKey();
    const upload = new Upload({
      client: this.client,
      params: {
        Bucket: this.bucket,
        Key: key,
        Body: source instanceof Uint8Array ? source : readableOf(source),
        ContentType: 'application/octet-stream',
      },
      partSize,
      queueSize: 1,
      // Aborted below instead: the SDK's own abort replaces the error that caused it with its own
      // when the abort fails too, and the caller needs the first one.
      leavePartsOnError: true,
    });
    try {
      await upload.done();
    } catch (error) {
      if (upload.uploadId !== undefined) await this.abort(key, upload.uploadId);
      throw error;
    }
    return key;
  }

  async get(key: string): Promise<Buffer> {
    const body = await this.body(key);
    return Buffer.from(await body.transformToByteArray());
  }

  async read(key: string): Promise<Readable> {
    const body = await this.body(key);
    // In Node the SDK hands back the HTTP response itself; anything else means a wrongly set up client.
    if (!(body instanceof Readable)) throw new Error('The S3 client did not return a Node stream.');
    return body;
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success, which is what the port promises.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: checkBlobKey(key) }));
  }

  /** Frees the parts of a failed upload; where that fails too, a bucket lifecycle rule is the safety net. */
  private async abort(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.send(new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }));
    } catch {
      // Nothing was published under the key; the parts are invisible and the lifecycle rule removes them.
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private async body(key: string) {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: checkBlobKey(key) }));
      if (!response.Body) throw new Error(`S3 returned no body for blob ${key}.`);
      return response.Body;
    } catch (error) {
      if (isMissingKey(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }
}

/** NoSuchKey, or a bare 404 (some S3-compatible servers omit the code) that is not a missing bucket. */
function isMissingKey(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  return error.name === 'NoSuchKey' || (error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket');
}

export function createS3Client(options: S3BlobStoreOptions): S3Client {
  return new S3Client({
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    ...(options.endpoint !== undefined && { endpoint: options.endpoint }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    // A store that does not answer must not hang requests forever; slow streams are fine.
    requestHandler: { connectionTimeout: 10_000 },
  });
}

export const s3BlobStore: BlobStoreManifest<typeof S3BlobStoreOptions> = {
  id: 's3',
  options: S3BlobStoreOptions,
  async create(options) {
    const store = new S3BlobStore(createS3Client(options), options.bucket);
    try {
      await store.checkAccess();
    } catch (error) {
      await store.close();
      throw new Error(
        `The S3 bucket "${options.bucket}"${options.endpoint ? ` at ${options.endpoint}` : ''} cannot be used: ${describeS3Error(error)}.`,
        { cause: error },
      );
    }
    return store;
  },
};

function describeS3Error(error: unknown): string {
  if (error instanceof S3ServiceException) {
    const status = error.$metadata.httpStatusCode;
    // HEAD answers carry no body, so the SDK can only name the status.
    if (status === 404) return 'it does not exist (404)';
    if (status === 403) return 'access is denied (403): check the credentials and the bucket policy';
    if (status === 301) return 'it is in another region (301): check the region setting';
    return `${error.name}${status ? ` (${status})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
