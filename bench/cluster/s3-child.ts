/**
 * The cluster's S3-protocol server (s3rver) in a process of its own, so that it shares no event loop
 * with the load generator. Settings as JSON in argv[2]: { directory }. Announces the blob store's env.
 */
import { startS3Server } from '../../test/support/s3-server.js';
import { announceReady, closeOnSigterm } from '../shared/child.js';

const { directory } = JSON.parse(process.argv[2] ?? '{}') as { directory: string };
const s3 = await startS3Server(directory, 'openassure-cluster');
closeOnSigterm(() => s3.close());
announceReady({ env: s3.env });
