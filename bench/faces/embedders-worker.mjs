// Runs embedders.ts in a worker thread (its own module registry, so its human instance shares no model state with
// the engine run.ts times). Worker threads do not inherit the parent's loader: register tsx here first.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { computeEmbeddings } = await import('./embedders.ts');
parentPort.postMessage(await computeEmbeddings(workerData.images));
