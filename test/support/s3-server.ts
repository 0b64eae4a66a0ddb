import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

/** The keys s3rver checks request signatures with (it accepts no others). */
const accessKeyId = 'S3RVER';
const secretAccessKey = 'S3RVER';

export interface TestS3Server {
  endpoint: string;
  bucket: string;
  /** Settings for loadConfig that select this server as the blob store. */
  env: Record<string, string>;
  /** Options for the S3 blob store adapter. */
  options: {
    bucket: string;
    region: string;
    endpoint: string;
    forcePathStyle: true;
    credentials: { accessKeyId: string; secretAccessKey: string };
  };
  close(): Promise<void>;
}

/**
 * A real S3-protocol server (s3rver: signatures checked, objects kept as files under `directory`) on a
 * random loopback port, in this process, with one empty bucket.
 */
export async function startS3Server(directory: string, bucket = 'openassure-test'): Promise<TestS3Server> {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      OPENASSURE_BLOB_STORE: 's3',
      OPENASSURE_S3_ENDPOINT: endpoint,
      OPENASSURE_S3_BUCKET: bucket,
      OPENASSURE_S3_REGION: 'us-east-1',
      OPENASSURE_S3_ACCESS_KEY_ID: accessKeyId,
      OPENASSURE_S3_SECRET_ACCESS_KEY: secretAccessKey,
      OPENASSURE_S3_FORCE_PATH_STYLE: 'true',
    },
    options: {
      bucket,
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
    },
    close: () => server.close(),
  };
}
