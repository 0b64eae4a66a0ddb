import type { Engines } from '../engines/pool/types.js';
import type { Metrics } from './registry.js';

type EngineCall = Exclude<keyof Engines, 'close'>;
// A record, not a list: a call added to Engines and forgotten here fails the typecheck instead of
// vanishing from the timed engines.
const timedCalls: Record<EngineCall, true> = {
  readMrz: true,
  detectFaces: true,
  portrait: true,
  compareFaces: true,
  checkImage: true,
  findWords: true,
  readVisualZone: true,
  decodeJpeg2000: true,
};
const calls = Object.keys(timedCalls) as EngineCall[];

/** The engines, each call timed into `openassure_engine_duration_seconds` (by call name and outcome). */
export function timedEngines(engines: Engines, metrics: Metrics): Engines {
  const timed = { close: () => engines.close() } as Engines;
  for (const name of calls) {
    const call = engines[name] as (...args: unknown[]) => Promise<unknown>;
    (timed as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const end = metrics.engineDuration.startTimer({ engine: name });
      try {
        const result = await call.apply(engines, args);
        end({ outcome: 'ok' });
        return result;
      } catch (error) {
        end({ outcome: 'error' });
        throw error;
      }
    };
  }
  return timed;
}
