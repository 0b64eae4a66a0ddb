/**
 * An OpenAssure worker in a process of its own, for the benchmarks: started by startChild() with
 * `{env}` as JSON in argv[2]; announces itself once it takes jobs.
 */
import { createOpenAssure } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logging/logger.js';
import { announceReady, closeOnSigterm } from './child.js';

const { env } = JSON.parse(process.argv[2] ?? '{}') as { env: Record<string, string> };
const app = await createOpenAssure(loadConfig({ ...env, OPENASSURE_PUBLIC_URL: 'http://127.0.0.1' }), {
  logger: createLogger('warn', process.stderr),
});
closeOnSigterm(() => app.close());
await app.startWorker();
announceReady({ queue: app.queue.kind });
