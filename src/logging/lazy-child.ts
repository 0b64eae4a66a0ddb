import type { Bindings, ChildLoggerOptions, LevelWithSilent } from 'pino';
import type { Logger } from './logger.js';

const methods = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;

/**
 * A request logger that creates its pino child only when a line is actually written. Fastify makes
 * one child logger per request; creating it (bindings go through redaction) cost more than some
 * requests themselves when the level filters every request line out.
 */
export function lazyChildLogger(parent: Logger, bindings: Bindings, options: ChildLoggerOptions): Logger {
  let child: Logger | undefined;
  const real = () => (child ??= parent.child(bindings, options));
  const lazy: Record<string, unknown> = {
    get level(): LevelWithSilent {
      return (child ?? parent).level as LevelWithSilent;
    },
    set level(value: LevelWithSilent) {
      real().level = value;
    },
    child: (more: Bindings, moreOptions?: ChildLoggerOptions) => real().child(more, moreOptions),
    isLevelEnabled: (level: string) => (child ?? parent).isLevelEnabled(level),
    silent: () => undefined,
  };
  for (const method of methods) {
    lazy[method] = (...args: unknown[]) => {
      if (!(child ?? parent).isLevelEnabled(method)) return;
      (real()[method] as (...a: unknown[]) => void)(...args);
    };
  }
  return lazy as unknown as Logger;
}
