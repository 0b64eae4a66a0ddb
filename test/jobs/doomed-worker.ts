/**
 * A worker that takes one job and hangs in it until it is killed: the contract suite kills it with
 * SIGKILL to leave a job whose lease nobody renews. Run as
 *   node --import tsx test/jobs/doomed-worker.ts <job-name>
 * with the suite's environment (OPENASSURE_DATA_DIR, DATABASE_URL).
 */
import { openStore } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { systemClock } from '../../src/core/time.js';
import { createJobQueue } from '../../src/jobs/create-queue.js';
import { createLogger } from '../../src/logging/logger.js';
import { leaseJob } from './lease-job.js';

const [name] = process.argv.slice(2);
if (!name) throw new Error('Usage: doomed-worker.ts <job-name>');
const config = loadConfig(process.env);
const store = await openStore(config);
const queue = createJobQueue(config, store, systemClock, createLogger('silent'));
const hanging = leaseJob(name).handledBy({
  run: (_payload, { jobId, attempt }) => {
    console.log(`started ${jobId} ${attempt}`);
    return new Promise<void>(() => undefined);
  },
});
await queue.init([hanging]);
await queue.startWorker([hanging], { concurrency: 1 });
console.log('ready');
